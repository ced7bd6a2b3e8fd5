using System.Globalization;
using Campaign.Grains.Campaigns;
using Campaign.TimingBench;

// Asap against learned timing over a simulated week, the same audience and attempt budget:
//   dotnet run -c Release --project bench/Campaign.TimingBench -- [customers=5000] [dials per hour=150] [days=7] [seed=42]
// or the same on the engine itself (the host, its silo and store, the simulator on a simulated calendar):
//   dotnet run -c Release --project bench/Campaign.TimingBench -- engine [customers=1000] [concurrent calls=2] [days=7] [speed=1200] [seed=42] [holds=P1D,PT4H,…] [together]
if (args.FirstOrDefault() == "engine")
{
    await EngineWeekReport.RunAsync(args[1..]);
    return;
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
var settings = new WeekSettings(
    Customers: Arg(0, 5000),
    DialsPerHour: Arg(1, 150),
    Days: Arg(2, 7),
    MaxAttempts: 3,
    Seed: Arg(3, 42),
    WindowFrom: 9,
    WindowTo: 20);
Console.WriteLine($"{settings.Customers} virtual customers, {settings.DialsPerHour} dials an hour, {settings.Days} days, " +
    $"{settings.MaxAttempts} attempts each, calling hours {settings.WindowFrom}:00–{settings.WindowTo}:00 local, seed {settings.Seed}");
var simulation = new WeekSimulation(settings);
var asap = simulation.Run(learned: false, TimeSpan.Zero);
var runs = new List<WeekResult>
{
    simulation.Run(learned: true, TimeSpan.FromHours(24), LinePace.DefaultBookHours), // as the dialler runs by default
    simulation.Run(learned: true, TimeSpan.FromHours(24), 1),
    simulation.Run(learned: true, TimeSpan.FromHours(24), 2),
    simulation.Run(learned: true, TimeSpan.FromHours(24), 8),
    simulation.Run(learned: true, TimeSpan.FromHours(24)),
    simulation.Run(learned: true, TimeSpan.FromHours(4)),
    simulation.Run(learned: true, TimeSpan.Zero),
};
Console.WriteLine($"{"timing",-26} {"dials",7} {"answered",9} {"answers/dial",13} {"reached",8} {"held",7} {"time",8}");
foreach (var r in runs.Prepend(asap))
{
    Console.WriteLine($"{r.Timing,-26} {r.Dials,7} {r.Answered,9} {r.AnswersPerDial,13:P1} {r.Reached,8} {r.Held,7} {r.Elapsed.TotalSeconds,7:F1}s");
}

foreach (var r in runs)
{
    Console.WriteLine($"{r.Timing} / asap: answers per dial ×{r.AnswersPerDial / asap.AnswersPerDial:F2}, customers reached ×{(double)r.Reached / asap.Reached:F2}");
}
