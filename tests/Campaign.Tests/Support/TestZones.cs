namespace Campaign.Tests.Support;

public static class TestZones
{
    /// <summary>An IANA zone where it is now early afternoon, inside the legal calling hours whenever the tests run.</summary>
    public static string Afternoon => At(13);

    /// <summary>An IANA zone where it is now the small hours (02:xx), outside calling hours whenever the tests run.</summary>
    public static string Night => At(2);

    private static string At(int localHour)
    {
        var offset = localHour - DateTimeOffset.UtcNow.Hour;
        offset = offset > 14 ? offset - 24 : offset < -12 ? offset + 24 : offset;

        // Etc/GMT zones are named with the opposite sign: Etc/GMT-3 is UTC+3.
        return offset == 0 ? "Etc/UTC" : $"Etc/GMT{(offset > 0 ? "-" : "+")}{Math.Abs(offset)}";
    }
}
