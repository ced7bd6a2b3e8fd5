using System.Globalization;

namespace Campaign.TimingBench;

/// <summary>Runs a week on the engine under asap and under learned timing, one after the other, and prints both.</summary>
public static class EngineWeekReport
{
    public static async Task RunAsync(string[] args)
    {
        string Arg(int index, string fallback) => args.Length > index ? args[index] : fallback;
        var settings = new EngineWeekSettings(
            Customers: int.Parse(Arg(0, "1000"), CultureInfo.InvariantCulture),
            MaxConcurrentCalls: int.Parse(Arg(1, "2"), CultureInfo.InvariantCulture),
            Days: int.Parse(Arg(2, "7"), CultureInfo.InvariantCulture),
            Speed: double.Parse(Arg(3, "1200"), CultureInfo.InvariantCulture),
            Seed: int.Parse(Arg(4, "42"), CultureInfo.InvariantCulture));
        Console.WriteLine($"engine: {settings.Customers} virtual customers in four US zones, {settings.MaxConcurrentCalls} calls at once, 3 attempts each, " +
            $"{settings.Days} days from {EngineWeek.Start:ddd yyyy-MM-dd HH:mm zzz} at {settings.Speed}× real time, seed {settings.Seed}");
        var holds = args.Length > 5 ? args[5].Split(',') : ["P1D"];
        // "together" runs every campaign at once, each on a host of its own, so that a shared machine's load falls on all alike.
        var together = args.Length > 6 && args[6] == "together";
        var started = new List<Task<EngineWeekResult>>();
        foreach (var (timing, hold) in holds.Select(h => ("learned", h)).Prepend(("asap", "P1D")))
        {
            started.Add(EngineWeek.RunAsync(settings, timing, hold));
            if (!together)
            {
                await started[^1];
            }
        }

        var runs = (await Task.WhenAll(started)).ToList();
        var asap = runs[0];

        Console.WriteLine($"{"timing",-16} {"dials",7} {"answered",9} {"voicemail",10} {"answers/dial",13} {"expected",9} {"status",10} {"calendar end",18} {"real",7} {"cpu",7}");
        foreach (var r in runs)
        {
            Console.WriteLine($"{r.Timing,-16} {r.Dials,7} {r.Answered,9} {r.Voicemail,10} {r.AnswersPerDial,13:P1} {(r.ExpectedAnswerRate is { } e ? e.ToString("P1", CultureInfo.InvariantCulture) : "–"),9} " +
                $"{r.Status,10} {r.CalendarEnd.ToOffset(TimeSpan.FromHours(-6)),18:ddd MM-dd HH:mm} {r.Elapsed.TotalSeconds,6:F0}s {r.Cpu.TotalSeconds,6:F0}s");
        }

        foreach (var learned in runs.Skip(1))
        {
            Console.WriteLine($"{learned.Timing} / asap: answers per dial ×{learned.AnswersPerDial / asap.AnswersPerDial:F2}, customers reached ×{(double)learned.Answered / asap.Answered:F2}");
        }
    }
}
