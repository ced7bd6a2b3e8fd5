namespace Campaign.Grains.Compliance;

/// <summary>
/// Days on which a country's law forbids calling consumers at all: France's public holidays (Décret n° 2022-1313
/// allows calls on weekdays that are not public holidays). Regional holidays (Alsace-Moselle's Good Friday and
/// 26 December) and company closures are added by configuration (<see cref="CountryCallingHours.NoCallDates"/>).
/// </summary>
public static class PublicHolidays
{
    public static bool IsNoCallDay(string? country, DateOnly date) =>
        string.Equals(country, "FR", StringComparison.OrdinalIgnoreCase) && IsFrenchHoliday(date);

    /// <summary>The eleven national public holidays of the French Code du travail (art. L3133-1).</summary>
    private static bool IsFrenchHoliday(DateOnly date)
    {
        if ((date.Month, date.Day) is (1, 1) or (5, 1) or (5, 8) or (7, 14) or (8, 15) or (11, 1) or (11, 11) or (12, 25))
        {
            return true;
        }

        var easter = EasterSunday(date.Year);
        return date == easter.AddDays(1) || date == easter.AddDays(39) || date == easter.AddDays(50);
    }

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
