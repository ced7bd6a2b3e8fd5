using System.Text.Json;
using Campaign.Abstractions.Campaigns;
using Campaign.Host.Api;

namespace Campaign.Host.Pages.Campaigns;

/// <summary>What the new-campaign form posts; turned into the same request the API takes, so both validate alike.</summary>
public sealed class CampaignInput
{
    public const int VariantRows = 6;

    /// <summary>Scripts that may be tried beside the chosen one in an experiment.</summary>
    public const int ExtraScripts = 3;

    /// <summary>The script choice that means "no script of ours: the built-in generic greeting", picked on purpose.</summary>
    public const string BuiltInScript = "builtin";

    public string? Name { get; set; }

    /// <summary><c>segment</c>, <c>variants</c> (one script per segment) or <c>criteria</c>.</summary>
    public string Audience { get; set; } = "segment";

    public string? SegmentId { get; set; }

    public string? ScriptId { get; set; }

    public List<VariantInput> Variants { get; set; } = [];

    public string? Criteria { get; set; }

    public int? MaxConcurrentCalls { get; set; } = CampaignRequest.DefaultConcurrency;

    public string? CallerId { get; set; }

    /// <summary><c>draft</c>, <c>now</c> or <c>at</c> (a one-off schedule).</summary>
    public string Start { get; set; } = "draft";

    public DateTime? StartAt { get; set; }

    public DateTime? EndAt { get; set; }

    public string? ScheduleTimeZone { get; set; } = "UTC";

    public int? MaxAttempts { get; set; } = RetryPolicy.Default.MaxAttempts;

    public string? NoAnswerDelay { get; set; } = Iso(RetryPolicy.Default.NoAnswerDelay);

    public string? BusyDelay { get; set; } = Iso(RetryPolicy.Default.BusyDelay);

    public string? FailedDelay { get; set; } = Iso(RetryPolicy.Default.FailedDelay);

    public string? VoicemailDelay { get; set; } = Iso(RetryPolicy.Default.VoicemailDelay);

    public string VoicemailAction { get; set; } = "hangUp";

    public string? VoicemailMessage { get; set; }

    public List<string> Days { get; set; } = [];

    public string? WindowFrom { get; set; }

    public string? WindowTo { get; set; }

    public string? WindowTimeZone { get; set; }

    public int? MaxCallsPerDay { get; set; }

    public int? MaxMinutesPerDay { get; set; }

    /// <summary><c>asap</c> or <c>learned</c>.</summary>
    public string Timing { get; set; } = "asap";

    public string MaxHold { get; set; } = Iso(CampaignDefinition.DefaultMaxHold);

    /// <summary>Scripts tried beside <see cref="ScriptId"/>: any chosen makes the campaign an experiment.</summary>
    public List<string?> ExperimentScripts { get; set; } = [];

    public string ExperimentMetric { get; set; } = "interest";

    /// <summary>The API request; throws <see cref="CampaignException"/> naming the API field when the criteria are not JSON.</summary>
    public CampaignRequest ToRequest()
    {
        var variants = Audience == "variants"
            ? Variants.Where(v => !string.IsNullOrWhiteSpace(v.SegmentId)).Select(v => new VariantRequest(v.SegmentId, Script(v.ScriptId))).ToList()
            : null;
        if (Audience == "variants" && variants!.Count == 0)
        {
            throw new CampaignException("pick at least one segment", "variants[0].segmentId");
        }

        var window = Days.Count > 0 || Blank(WindowFrom) is not null || Blank(WindowTo) is not null || Blank(WindowTimeZone) is not null
            ? new CallingWindowRequest(Days.Count > 0 ? Days : null, Blank(WindowFrom), Blank(WindowTo), Blank(WindowTimeZone))
            : null;
        var tried = Audience == "variants" ? [] : ExperimentScripts.Select(Blank).Where(s => s is not null).ToList();
        var experiment = tried.Count == 0
            ? null
            : new ExperimentRequest([new ExperimentVariantRequest(Script(ScriptId), null), .. tried.Select(s => new ExperimentVariantRequest(Script(s), null))], ExperimentMetric, null);
        return new CampaignRequest(
            Name,
            Audience == "segment" ? Blank(SegmentId) ?? "" : null,
            Audience == "criteria" ? ParseCriteria() : null,
            Audience == "variants" || experiment is not null ? null : Script(ScriptId),
            variants,
            MaxConcurrentCalls,
            new RetryPolicyRequest(MaxAttempts, new RetryDelaysRequest(Blank(NoAnswerDelay), Blank(BusyDelay), Blank(FailedDelay), Blank(VoicemailDelay))),
            new VoicemailPolicyRequest(VoicemailAction, Blank(VoicemailMessage)),
            Blank(CallerId),
            window,
            MaxCallsPerDay,
            MaxMinutesPerDay,
            Timing: Timing,
            MaxHold: Timing == "learned" ? Blank(MaxHold) : null,
            Experiment: experiment);
    }

    /// <summary>A local date and time in <see cref="ScheduleTimeZone"/> as an instant.</summary>
    public DateTimeOffset? Instant(DateTime? local)
    {
        if (local is not { } value)
        {
            return null;
        }

        var zoneId = Blank(ScheduleTimeZone) ?? "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            throw new CampaignException($"'{zoneId}' is not a known IANA time zone", "timeZone");
        }

        var unspecified = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    private JsonElement ParseCriteria()
    {
        if (string.IsNullOrWhiteSpace(Criteria))
        {
            throw new CampaignException("write the criteria as JSON, for example { \"area\": [\"Riverside\"] }", "criteria");
        }

        try
        {
            using var document = JsonDocument.Parse(Criteria);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new CampaignException("the criteria are not valid JSON: " + ex.Message, "criteria");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Script(string? value) => Blank(value) is { } id && id != BuiltInScript ? id : null;

    /// <summary>
    /// The script fields left unchosen (by API field name): a campaign never falls back to the built-in greeting unless
    /// it was picked. Empty variant rows need none.
    /// </summary>
    public IEnumerable<string> UnchosenScripts()
    {
        if (Audience != "variants")
        {
            if (Blank(ScriptId) is null)
            {
                yield return "scriptId";
            }

            yield break;
        }

        for (var i = 0; i < Variants.Count; i++)
        {
            if (Blank(Variants[i].SegmentId) is not null && Blank(Variants[i].ScriptId) is null)
            {
                yield return $"variants[{i}].scriptId";
            }
        }
    }

    private static string Iso(TimeSpan value) => System.Xml.XmlConvert.ToString(value);
}

public sealed class VariantInput
{
    public string? SegmentId { get; set; }

    public string? ScriptId { get; set; }
}
