using System.Globalization;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Schedules;
using Campaign.Grains.Campaigns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Campaign.Grains.Schedules;

/// <summary>
/// A schedule. Its durable reminder checks every <c>Schedules:CheckPeriod</c> whether a run is due, so a run is never
/// lost to a restart: a run missed while the host was down starts when it is back (once, not once per missed occurrence).
/// </summary>
public sealed partial class ScheduleGrain(
    [PersistentState("schedule", StorageNames.LargeState)] IPersistentState<ScheduleState> state,
    AudienceResolver audiences,
    CampaignScripts scripts,
    IOptions<ScheduleOptions> options,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock,
    ILogger<ScheduleGrain> logger) : Grain, IScheduleGrain, IRemindable
{
    private const string CheckReminder = "schedule";
    private const int ShownRuns = 5;

    private string Id => this.GetPrimaryKeyString();

    public async Task<ScheduleInfo> CreateAsync(ScheduleDefinition definition)
    {
        if (state.RecordExists)
        {
            throw new CampaignException($"schedule '{Id}' already exists", conflict: true);
        }

        ScheduleOccurrences.Validate(definition);
        var now = clock.GetUtcNow();
        if (definition.Cron is null && definition.StartAt <= now)
        {
            throw new CampaignException("startAt is in the past", "startAt");
        }

        await audiences.ResolveAsync(definition.Campaign);
        await scripts.EnsureExistAsync(definition.Campaign);
        state.State.Definition = definition;
        state.State.CreatedAt = now;
        state.State.Active = true;
        state.State.NextDue = ScheduleOccurrences.Next(definition, now, 1).FirstOrDefault() is { } next && next != default ? next : null;
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(CheckReminder, options.Value.CheckPeriod, options.Value.CheckPeriod);
        await GrainFactory.GetGrain<IScheduleCatalogGrain>(IScheduleCatalogGrain.Key).AddAsync(Id);
        return Info(now);
    }

    public Task<ScheduleInfo?> GetAsync() => Task.FromResult(state.RecordExists ? Info(clock.GetUtcNow()) : null);

    public async Task<bool> DeleteAsync()
    {
        if (!state.RecordExists)
        {
            return false;
        }

        await StopRemindingAsync();
        await state.ClearStateAsync();
        await GrainFactory.GetGrain<IScheduleCatalogGrain>(IScheduleCatalogGrain.Key).RemoveAsync(Id);
        return true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.RecordExists || !state.State.Active)
        {
            await StopRemindingAsync();
            return;
        }

        var definition = state.State.Definition!;
        var now = clock.GetUtcNow();
        if (state.State.NextDue is { } due && due <= now && (definition.EndAt is null || now < definition.EndAt))
        {
            await RunAsync(definition, due);
            state.State.NextDue = ScheduleOccurrences.Next(definition, now, 1).FirstOrDefault() is { } next && next != default ? next : null;
            await state.WriteStateAsync();
        }

        if (definition.EndAt is { } end && now >= end)
        {
            await StopRunsAsync();
            state.State.Active = false;
            await state.WriteStateAsync();
            await StopRemindingAsync();
        }
        else if (state.State.NextDue is null && definition.EndAt is null)
        {
            state.State.Active = false;
            await state.WriteStateAsync();
            await StopRemindingAsync();
        }
    }

    private async Task RunAsync(ScheduleDefinition definition, DateTimeOffset occurrence)
    {
        var campaignId = $"{Id}-run{state.State.Runs.Count + 1}";
        var local = TimeZoneInfo.ConvertTime(occurrence, TimeZoneInfo.FindSystemTimeZoneById(definition.TimeZone));
        var name = $"{definition.Campaign.Name} ({local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)})";
        string? error = null;
        try
        {
            var campaign = GrainFactory.GetGrain<ICampaignGrain>(campaignId);
            if (await campaign.GetAsync() is null)
            {
                await campaign.CreateAsync(definition.Campaign with { Name = name });
            }

            await campaign.StartAsync();
        }
        catch (CampaignException ex)
        {
            error = ex.Message;
            LogRunFailed(logger, Id, ex.Message);
        }

        state.State.Runs.Add(new ScheduleRun(campaignId, clock.GetUtcNow(), error));
    }

    private async Task StopRunsAsync()
    {
        foreach (var run in state.State.Runs.Where(r => r.Error is null))
        {
            var campaign = GrainFactory.GetGrain<ICampaignGrain>(run.CampaignId);
            if ((await campaign.GetAsync())?.Status is CampaignStatus.Running or CampaignStatus.Paused)
            {
                await campaign.CancelAsync();
            }
        }
    }

    private async Task StopRemindingAsync()
    {
        if (await this.GetReminder(CheckReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private ScheduleInfo Info(DateTimeOffset now) => new(
        Id,
        state.State.Definition!,
        state.State.Active ? ScheduleOccurrences.Next(state.State.Definition!, now, ShownRuns) : [],
        state.State.Runs.ToList(),
        state.State.CreatedAt,
        state.State.Active);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {ScheduleId}: a run could not start: {Reason}")]
    private static partial void LogRunFailed(ILogger logger, string scheduleId, string reason);
}
