using Campaign.Abstractions.Campaigns;
using Campaign.Grains.Compliance;

namespace Campaign.Grains.Campaigns;

/// <summary>Whether customers placed at a work list's place key may be called now; each key is parsed once.</summary>
public sealed class OpenPlaces(CallingHours callingHours)
{
    private readonly Dictionary<string, CallingPlace> _places = new(StringComparer.Ordinal);

    public bool IsOpen(string place, DateTimeOffset now, CallingWindow? window)
    {
        if (!_places.TryGetValue(place, out var parsed))
        {
            _places[place] = parsed = CallingPlace.Parse(place);
        }

        return callingHours.IsOpen(parsed, now, window);
    }
}
