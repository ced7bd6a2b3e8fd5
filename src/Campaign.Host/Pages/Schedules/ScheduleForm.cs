using Campaign.Abstractions.Campaigns;
using Campaign.Host.Api;

namespace Campaign.Host.Pages.Schedules;

/// <summary>What the new-schedule form posts; times are local to <see cref="TimeZone"/>.</summary>
public sealed class ScheduleForm
{
    public string? Name { get; set; }

    public List<string> SegmentIds { get; set; } = [];

    public string? ScriptId { get; set; }

    public int MaxConcurrentCalls { get; set; } = CampaignRequest.DefaultConcurrency;

    public int MaxAttempts { get; set; } = RetryPolicy.Default.MaxAttempts;

    public int? MaxCallsPerDay { get; set; }

    /// <summary><c>once</c> (at <see cref="StartAt"/>) or <c>cron</c>.</summary>
    public string Kind { get; set; } = "once";

    public DateTime? StartAt { get; set; }

    public string? Cron { get; set; }

    public string TimeZone { get; set; } = "UTC";

    public DateTime? EndAt { get; set; }

    /// <summary>The API request this form stands for: one segment, or one variant per segment sharing the script.</summary>
    public ScheduleRequest ToRequest()
    {
        var segments = SegmentIds.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct().ToList();
        var script = string.IsNullOrWhiteSpace(ScriptId) || ScriptId == Campaigns.CampaignInput.BuiltInScript ? null : ScriptId;
        var campaign = new CampaignRequest(
            Name,
            segments.Count == 1 ? segments[0] : null,
            null,
            segments.Count > 1 ? null : script,
            segments.Count > 1 ? segments.Select(s => new VariantRequest(s, script)).ToList() : null,
            MaxConcurrentCalls,
            new RetryPolicyRequest(MaxAttempts, null),
            null,
            null,
            MaxCallsPerDay: MaxCallsPerDay);
        if (segments.Count == 0)
        {
            throw new CampaignException("choose at least one segment", "segmentId");
        }

        if (string.IsNullOrWhiteSpace(ScriptId))
        {
            throw new CampaignException("choose the script the agent follows (or, on purpose, the built-in generic greeting)", "scriptId");
        }

        var cron = Kind == "cron" ? Cron : null;
        if (Kind == "cron" && string.IsNullOrWhiteSpace(cron))
        {
            throw new CampaignException("a repeating schedule needs a cron expression, e.g. 0 9 * * MON", "cron");
        }

        if (Kind != "cron" && StartAt is null)
        {
            throw new CampaignException("a one-off schedule needs the time to run", "startAt");
        }

        return new ScheduleRequest(campaign, cron, TimeZone, ToInstant(StartAt), ToInstant(EndAt));
    }

    /// <summary>A local wall-clock time in the schedule's zone as an instant; an unknown zone is left for the schedule to refuse.</summary>
    private DateTimeOffset? ToInstant(DateTime? local)
    {
        if (local is not { } value)
        {
            return null;
        }

        var unspecified = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
            return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return new DateTimeOffset(unspecified, TimeSpan.Zero);
        }
    }
}
