using System.Globalization;
using Campaign.Abstractions.Conversation;
using Campaign.Conversation.Hosting;
using Campaign.Conversation.Scripts;
using Campaign.TurnBench;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Turn latency of the offline engine: dotnet run -c Release --project bench/Campaign.TurnBench -- [concurrency] [conversations per worker] [mean think ms]
var concurrency = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
var perWorker = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var thinkMs = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 20;

var services = new ServiceCollection()
    .AddLogging()
    .AddSingleton<IScriptSource, BenchScripts>()
    .AddConversation(new ConfigurationBuilder().AddInMemoryCollection(ConversationSettings()).Build());
await using var provider = services.BuildServiceProvider();
var agent = provider.GetRequiredService<IConversationAgent>();

Console.WriteLine($"Offline engine, {concurrency} concurrent conversations, {Environment.ProcessorCount} cores");
await TurnBenchmark.RunAsync(agent, concurrency, 10, TimeSpan.Zero); // warm-up: JIT, regexes, caches
var paced = await TurnBenchmark.RunAsync(agent, concurrency, perWorker, TimeSpan.FromMilliseconds(thinkMs));
Console.WriteLine($"{$"paced (mean think time {thinkMs} ms):",-32} {paced}");
var saturated = await TurnBenchmark.RunAsync(agent, concurrency, perWorker, TimeSpan.Zero);
Console.WriteLine($"{"saturated (no think time):",-32} {saturated}");

// The host's Conversation keys from the environment (Conversation__Understanding__Semantic=false → Conversation:Understanding:Semantic).
static Dictionary<string, string?> ConversationSettings()
{
    var settings = new Dictionary<string, string?>();
    foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
    {
        var name = (string)variable.Key;
        if (name.StartsWith("Conversation__", StringComparison.OrdinalIgnoreCase))
        {
            settings[name.Replace("__", ":", StringComparison.Ordinal)] = (string?)variable.Value;
        }
    }

    return settings;
}
