using Campaign.Grains.Calls;

namespace Campaign.Host.Hosting;

/// <summary>
/// When the host starts to stop (SIGTERM, a rolling update), before the silo or the web server stop: campaigns on this
/// silo dial no more, and the calls this silo placed may finish for up to <c>Hosting:ShutdownGraceSeconds</c> while the
/// webhooks and the silo still serve them. Then the silo stops as usual; its campaigns activate again on the other silos.
/// </summary>
internal sealed partial class GracefulShutdown(DialGate gate, IConfiguration configuration, ILogger<GracefulShutdown> logger) : IHostedLifecycleService
{
    public const string GraceKey = "Hosting:ShutdownGraceSeconds";

    public static TimeSpan Grace(IConfiguration configuration) => TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue(GraceKey, 0.0)));

    /// <summary>Registers the drain and lengthens the host's shutdown timeout by the grace.</summary>
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var grace = Grace(configuration);
        services.AddHostedService<GracefulShutdown>();
        if (grace > TimeSpan.Zero)
        {
            services.Configure<HostOptions>(o => o.ShutdownTimeout += grace);
        }
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        gate.Close();
        var grace = Grace(configuration);
        if (gate.LiveCalls <= 0 || grace <= TimeSpan.Zero)
        {
            return;
        }

        LogDraining(logger, gate.LiveCalls, grace.TotalSeconds);
        var deadline = DateTime.UtcNow + grace;
        while (gate.LiveCalls > 0 && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        if (gate.LiveCalls > 0)
        {
            LogGraceOver(logger, gate.LiveCalls);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: no new dials; waiting up to {Seconds} s for {Calls} live calls to end")]
    private static partial void LogDraining(ILogger logger, int calls, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping with {Calls} calls still live: the grace period is over; their watchdogs end them on another silo")]
    private static partial void LogGraceOver(ILogger logger, int calls);
}
