namespace Campaign.Grains.Campaigns;

/// <summary>
/// The customers learned timing has held, counted by the hour they are held for, so that no hour is booked beyond what
/// the campaign's lines can call in it: past that, holding only leaves lines idle now and customers waiting then.
/// Kept by the campaign's activation; after a restart the holds already in the work list are not counted.
/// </summary>
public sealed class HoldBook
{
    private readonly Dictionary<DateTimeOffset, int> _byHour = [];

    public bool HasRoom(DateTimeOffset at, int perHour) => Booked(at) < perHour;

    public int Booked(DateTimeOffset at) => _byHour.GetValueOrDefault(HourOf(at));

    public void Book(DateTimeOffset at) => _byHour[HourOf(at)] = Booked(at) + 1;

    /// <summary>Forgets the hours that have passed.</summary>
    public void Forget(DateTimeOffset now)
    {
        var current = HourOf(now);
        foreach (var hour in _byHour.Keys.Where(h => h < current).ToList())
        {
            _byHour.Remove(hour);
        }
    }

    private static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
