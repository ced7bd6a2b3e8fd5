using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Campaign.EngineBench;

/// <summary>
/// Logs warnings and errors of the silo, but only the first few of each category in full (shortened): under overload
/// the same warning can repeat thousands of times. Counts all of them for the summary.
/// </summary>
public sealed class WarningLog : ILoggerProvider
{
    private const int ShownPerCategory = 3;
    private const int MaxLength = 400;
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public int Total => _counts.Values.Sum();

    /// <summary>"category ×count" for each category, most frequent first.</summary>
    public string Summary() =>
        Total == 0 ? "none" : string.Join(", ", _counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key} ×{c.Value:N0}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string category, LogLevel level, string message)
    {
        var count = _counts.AddOrUpdate(category, 1, (_, n) => n + 1);
        if (count <= ShownPerCategory)
        {
            var text = message.Length > MaxLength ? message[..MaxLength] + "…" : message;
            Console.WriteLine($"  [{level}] {category}: {text}");
        }
        else if (count == ShownPerCategory + 1)
        {
            Console.WriteLine($"  [{level}] {category}: more of these are counted, not shown");
        }
    }

    private sealed class Logger(WarningLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Write(category, logLevel, formatter(state, exception));
            }
        }
    }
}
