using System.Globalization;

namespace Campaign.EngineBench;

public enum BenchRun
{
    Efficiency,
    Live,
    Both,
    Cluster,
    Read,
}

/// <summary>Command-line options; the defaults are the figures the engine's targets are stated for.</summary>
public sealed record BenchOptions
{
    public const string Usage = """
        Campaign engine load driver: one silo in-process, SQLite on a temporary file, simulated telephony
        (or, with --run cluster, host processes on Azurite).

        dotnet bench/Campaign.EngineBench/bin/Release/net10.0/Campaign.EngineBench.dll [options]

          --run efficiency|live|both|cluster|read
                                       which run(s) to do (default both); cluster compares one silo with --silos
                                       host processes on Azurite at the same quota (build src/Campaign.Host and
                                       install tools/azurite first)
          --customers N                efficiency run: audience size (default 10000)
          --quota Q                    efficiency run: the campaign's concurrent-call quota; trunk capacity is the same (default 50)
          --duration S                 efficiency run: fixed call duration in seconds (default 1)
          --live-calls N               live run: calls live at once (default 10000)
          --live-duration S            live run: fixed call duration in seconds (default 120)
          --cps R                      Trunk:CallsPerSecond in both runs (default 1000)
          --dispatch-interval MS       Campaigns:DispatchInterval in milliseconds (default: the engine's own)
          --silos K                    cluster run: silos of the cluster (default 3)
          --warmup N                   cluster run: a campaign of N other customers runs to its end on the same
                                       silos before the measured one, so that it is measured on warmed-up code
                                       (default 0: the measured campaign is the silos' first)
        """;

    public BenchRun Run { get; init; } = BenchRun.Both;

    public int Customers { get; init; } = 10_000;

    public int Quota { get; init; } = 50;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(1);

    public int LiveCalls { get; init; } = 10_000;

    public TimeSpan LiveDuration { get; init; } = TimeSpan.FromSeconds(120);

    public double CallsPerSecond { get; init; } = 1000;

    public TimeSpan? DispatchInterval { get; init; }

    public int Silos { get; init; } = 3;

    public int Warmup { get; init; }

    /// <summary>Null when help was asked for.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return null;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value");
            }

            var value = args[++i];
            options = name switch
            {
                "--run" => options with { Run = Enum.Parse<BenchRun>(value, ignoreCase: true) },
                "--customers" => options with { Customers = Positive(name, value) },
                "--quota" => options with { Quota = Positive(name, value) },
                "--duration" => options with { Duration = Seconds(name, value) },
                "--live-calls" => options with { LiveCalls = Positive(name, value) },
                "--live-duration" => options with { LiveDuration = Seconds(name, value) },
                "--cps" => options with { CallsPerSecond = Number(name, value) },
                "--silos" => options with { Silos = Positive(name, value) },
                "--warmup" => options with { Warmup = NonNegative(name, value) },
                "--dispatch-interval" => options with { DispatchInterval = TimeSpan.FromMilliseconds(Number(name, value)) },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'");

    private static int NonNegative(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new ArgumentException($"{name} must be a whole number of at least 0, not '{value}'");

    private static double Number(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive number, not '{value}'");

    private static TimeSpan Seconds(string name, string value) => TimeSpan.FromSeconds(Number(name, value));
}
