namespace Campaign.Telephony.Simulator;

/// <summary>
/// When a virtual customer is at home to answer, by their local weekday and hour. Hidden from the engine: the
/// dialler only sees who answered when, so what it learns about a person's best times can be checked against this.
/// </summary>
public enum DailyRoutine
{
    /// <summary>The pattern of a crowd: more answers in the evening, fewer at lunch and at night.</summary>
    Mixed,

    /// <summary>Out 09:00–17:00 on weekdays; home mornings before work, evenings and weekends.</summary>
    DayWorker,

    /// <summary>Home all day, every day; a little less at lunch and late in the evening.</summary>
    Retiree,

    /// <summary>Works nights and sleeps 08:00–15:00 on weekdays; home afternoons and evenings, and weekends.</summary>
    NightShift,
}

/// <summary>How a routine shapes the chance of an answer at a local time.</summary>
public static class DailyRoutines
{
    /// <summary>Shares of the routines among virtual customers: most people work days.</summary>
    private static readonly (DailyRoutine Routine, double Share)[] Shares =
    [
        (DailyRoutine.DayWorker, 0.45),
        (DailyRoutine.Retiree, 0.25),
        (DailyRoutine.NightShift, 0.15),
        (DailyRoutine.Mixed, 0.15),
    ];

    /// <summary>A routine drawn by the shares from a uniform <paramref name="roll"/> in [0, 1).</summary>
    public static DailyRoutine Draw(double roll)
    {
        foreach (var (routine, share) in Shares)
        {
            if (roll < share)
            {
                return routine;
            }

            roll -= share;
        }

        return DailyRoutine.Mixed;
    }

    /// <summary>The factor (0–1) by which a routine scales a person's answer rate at a local weekday and hour.</summary>
    public static double Availability(DailyRoutine routine, DayOfWeek day, int hour)
    {
        var weekend = day is DayOfWeek.Saturday or DayOfWeek.Sunday;
        return routine switch
        {
            DailyRoutine.DayWorker => weekend
                ? hour is >= 10 and < 20 ? 0.9 : 0.3
                : hour switch
                {
                    >= 7 and < 9 => 0.7,
                    >= 9 and < 17 => 0.08,
                    >= 17 and < 21 => 1.0,
                    _ => 0.3,
                },
            DailyRoutine.Retiree => hour switch
            {
                >= 12 and < 14 => 0.75,
                >= 9 and < 19 => 0.95,
                >= 19 and < 21 => 0.6,
                _ => 0.3,
            },
            DailyRoutine.NightShift => weekend
                ? hour is >= 11 and < 20 ? 0.85 : 0.3
                : hour switch
                {
                    >= 8 and < 15 => 0.06,
                    >= 15 and < 21 => 1.0,
                    _ => 0.2,
                },
            _ => hour switch
            {
                >= 8 and < 12 => 0.8,
                >= 12 and < 14 => 0.6,
                >= 14 and < 17 => 0.7,
                >= 17 and < 21 => 1.0,
                _ => 0.35,
            },
        };
    }
}
