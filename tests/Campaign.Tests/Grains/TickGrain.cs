using Orleans.Runtime;

namespace Campaign.Tests.Grains;

[Alias("Campaign.Tests.ITickGrain")]
public interface ITickGrain : IGrainWithStringKey
{
    [Alias("Start")]
    Task StartAsync(TimeSpan dueTime, TimeSpan period);

    [Alias("HasReminder")]
    Task<bool> HasReminderAsync();

    [Alias("Ticks")]
    Task<int> GetTicksAsync();

    [Alias("Stop")]
    Task StopAsync();
}

/// <summary>Counts the ticks of its one reminder in memory, so a new activation starts again from zero.</summary>
public sealed class TickGrain : Grain, ITickGrain, IRemindable
{
    private const string ReminderName = "tick";
    private int _ticks;

    public Task StartAsync(TimeSpan dueTime, TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, dueTime, period);

    public async Task<bool> HasReminderAsync() => await this.GetReminder(ReminderName) is not null;

    public Task<int> GetTicksAsync() => Task.FromResult(_ticks);

    public async Task StopAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _ticks++;
        return Task.CompletedTask;
    }
}
