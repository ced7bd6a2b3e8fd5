using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Xml;
using Campaign.Abstractions;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Experiments;
using Campaign.Abstractions.Time;

namespace Campaign.Host.Api;

/// <summary>The body of <c>POST /api/campaigns</c>, as the HTTP contract names it.</summary>
public sealed record CampaignRequest(
    [property: Required] string? Name,
    string? SegmentId,
    JsonElement? Criteria,
    string? ScriptId,
    IReadOnlyList<VariantRequest>? Variants,
    int? MaxConcurrentCalls,
    RetryPolicyRequest? RetryPolicy,
    VoicemailPolicyRequest? VoicemailPolicy,
    string? CallerId,
    CallingWindowRequest? CallingWindow = null,
    int? MaxCallsPerDay = null,
    int? MaxMinutesPerDay = null,
    string? Purpose = null,
    string? Timing = null,
    string? MaxHold = null,
    ExperimentRequest? Experiment = null)
{
    public const int DefaultConcurrency = 10;

    private static void CheckId(string? id, string field)
    {
        if (id is not null && ClientIds.Problem(id.Trim(), field) is { } problem)
        {
            throw new CampaignException(problem, field);
        }
    }

    private static int? Positive(int? value, string field) =>
        value is null or > 0 ? value : throw new CampaignException($"{field} must be 1 or more", field);

    /// <summary>Turns the request into a definition, or names the first field that is wrong.</summary>
    public CampaignDefinition ToDefinition()
    {
        var hasCriteria = Criteria is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) };
        var variants = Variants ?? [];
        var audiences = (SegmentId is null ? 0 : 1) + (hasCriteria ? 1 : 0) + (variants.Count > 0 ? 1 : 0);
        if (audiences != 1)
        {
            throw new CampaignException("give exactly one audience: segmentId, criteria or variants", "segmentId");
        }

        if (ScriptId is not null && variants.Count > 0)
        {
            throw new CampaignException("give either scriptId or variants, not both", "scriptId");
        }

        for (var i = 0; i < variants.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(variants[i].SegmentId))
            {
                throw new CampaignException("segmentId is missing", $"variants[{i}].segmentId");
            }

            CheckId(variants[i].SegmentId, $"variants[{i}].segmentId");
            CheckId(variants[i].ScriptId, $"variants[{i}].scriptId");
        }

        if (Experiment is not null && variants.Count > 0)
        {
            throw new CampaignException("an experiment tries its scripts on one audience: give segmentId or criteria, not variants", "experiment");
        }

        if (Experiment is not null && ScriptId is not null)
        {
            throw new CampaignException("give either scriptId or experiment, not both: the experiment names its scripts", "scriptId");
        }

        CheckId(SegmentId, "segmentId");
        CheckId(ScriptId, "scriptId");
        if (Name?.Trim().Length > ClientIds.MaxNameLength)
        {
            throw new CampaignException($"name is longer than {ClientIds.MaxNameLength} characters", "name");
        }

        return new CampaignDefinition(
            Name?.Trim() ?? "",
            SegmentId,
            hasCriteria ? Criteria!.Value.GetRawText() : null,
            ScriptId,
            variants.Select(v => new ScriptVariant(v.SegmentId!, v.ScriptId)).ToList(),
            MaxConcurrentCalls ?? DefaultConcurrency,
            CallerId,
            RetryPolicy?.ToPolicy() ?? Abstractions.Campaigns.RetryPolicy.Default,
            VoicemailPolicy?.ToPolicy() ?? Abstractions.Campaigns.VoicemailPolicy.Default,
            CallingWindow?.ToWindow(),
            Positive(MaxCallsPerDay, "maxCallsPerDay"),
            Positive(MaxMinutesPerDay, "maxMinutesPerDay"),
            ParsePurpose(Purpose),
            ParseTiming(Timing),
            ParseMaxHold(MaxHold),
            Experiment?.ToDefinition());
    }

    /// <summary>asap (the default when left out) or learned.</summary>
    private static CallTiming ParseTiming(string? timing) => timing?.Trim().ToLowerInvariant() switch
    {
        null or "" or "asap" => CallTiming.Asap,
        "learned" => CallTiming.Learned,
        _ => throw new CampaignException($"timing '{timing}' is not asap or learned", "timing"),
    };

    private static TimeSpan? ParseMaxHold(string? iso)
    {
        if (iso is null)
        {
            return null;
        }

        var problem = $"'{iso}' is not an ISO 8601 duration from PT0S to P7D, such as PT12H";
        TimeSpan value;
        try
        {
            value = XmlConvert.ToTimeSpan(iso);
        }
        catch (FormatException)
        {
            throw new CampaignException(problem, "maxHold");
        }

        return value >= TimeSpan.Zero && value <= CampaignDefinition.LongestMaxHold ? value : throw new CampaignException(problem, "maxHold");
    }

    /// <summary>informational (the default when left out) or marketing: it decides the consent a customer must have given.</summary>
    private static CampaignPurpose ParsePurpose(string? purpose) => purpose?.Trim().ToLowerInvariant() switch
    {
        null or "" or "informational" => CampaignPurpose.Informational,
        "marketing" => CampaignPurpose.Marketing,
        _ => throw new CampaignException($"purpose '{purpose}' is not informational or marketing", "purpose"),
    };
}

public sealed record VariantRequest(string? SegmentId, string? ScriptId);

/// <summary><c>experiment</c>: two to four scripts tried on the campaign's audience.</summary>
public sealed record ExperimentRequest(IReadOnlyList<ExperimentVariantRequest>? Variants, string? Metric, bool? AutoPromote)
{
    public ExperimentDefinition ToDefinition()
    {
        var variants = Variants ?? [];
        if (variants.Count is < ExperimentDefinition.MinVariants or > ExperimentDefinition.MaxVariants)
        {
            throw new CampaignException($"an experiment has {ExperimentDefinition.MinVariants} to {ExperimentDefinition.MaxVariants} variants, not {variants.Count}", "experiment.variants");
        }

        var parsed = new List<ExperimentVariant>();
        for (var i = 0; i < variants.Count; i++)
        {
            var scriptId = variants[i].ScriptId?.Trim();
            var field = $"experiment.variants[{i}].scriptId";
            if (string.IsNullOrEmpty(scriptId))
            {
                throw new CampaignException("scriptId is missing", field);
            }

            if (ClientIds.Problem(scriptId, field) is { } problem)
            {
                throw new CampaignException(problem, field);
            }

            if (parsed.Any(v => v.ScriptId == scriptId))
            {
                throw new CampaignException($"script '{scriptId}' is already a variant of this experiment", field);
            }

            var name = string.IsNullOrWhiteSpace(variants[i].Name) ? scriptId : variants[i].Name!.Trim();
            if (name.Length > ClientIds.MaxNameLength)
            {
                throw new CampaignException($"name is longer than {ClientIds.MaxNameLength} characters", $"experiment.variants[{i}].name");
            }

            parsed.Add(new ExperimentVariant(scriptId, name));
        }

        var metric = Metric?.Trim().ToLowerInvariant() switch
        {
            null or "" or "interest" => ExperimentMetric.Interest,
            "answered" => ExperimentMetric.Answered,
            "moreinfo" => ExperimentMetric.MoreInfo,
            _ => throw new CampaignException($"metric '{Metric}' is not interest, answered or moreInfo", "experiment.metric"),
        };
        return new ExperimentDefinition(parsed, metric, AutoPromote ?? true);
    }
}

public sealed record ExperimentVariantRequest(string? ScriptId, string? Name);

public sealed record RetryPolicyRequest(int? MaxAttempts, RetryDelaysRequest? Delays)
{
    public RetryPolicy ToPolicy()
    {
        var defaults = RetryPolicy.Default;
        return new RetryPolicy(
            MaxAttempts ?? defaults.MaxAttempts,
            Duration(Delays?.NoAnswer, "noAnswer") ?? defaults.NoAnswerDelay,
            Duration(Delays?.Busy, "busy") ?? defaults.BusyDelay,
            Duration(Delays?.Failed, "failed") ?? defaults.FailedDelay,
            Duration(Delays?.Voicemail, "voicemail") ?? defaults.VoicemailDelay);
    }

    private static TimeSpan? Duration(string? iso, string name)
    {
        if (iso is null)
        {
            return null;
        }

        try
        {
            var value = XmlConvert.ToTimeSpan(iso);
            return value >= TimeSpan.Zero ? value : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new CampaignException($"'{iso}' is not an ISO 8601 duration such as PT30M or PT2H", $"retryPolicy.delays.{name}");
        }
    }
}

public sealed record RetryDelaysRequest(string? NoAnswer, string? Busy, string? Failed, string? Voicemail);

public sealed record VoicemailPolicyRequest(string? Action, string? Message)
{
    public VoicemailPolicy ToPolicy()
    {
        var action = Action?.ToLowerInvariant() switch
        {
            null or "hangup" => VoicemailAction.HangUp,
            "leavemessage" => VoicemailAction.LeaveMessage,
            _ => throw new CampaignException($"'{Action}' is not one of hangUp, leaveMessage", "voicemailPolicy.action"),
        };
        if (action == VoicemailAction.LeaveMessage && string.IsNullOrWhiteSpace(Message))
        {
            throw new CampaignException("leaveMessage needs the message to leave", "voicemailPolicy.message");
        }

        return new VoicemailPolicy(action, Message);
    }
}

public sealed record CallingWindowRequest(IReadOnlyList<string>? Days, string? From, string? To, string? TimeZone)
{
    public CallingWindow ToWindow()
    {
        var days = new List<DayOfWeek>();
        foreach (var (day, i) in (Days ?? []).Select((d, i) => (d, i)))
        {
            if (!WeekTimes.TryParseDay(day, out var parsed))
            {
                throw new CampaignException($"'{day}' is not a day of the week (monday … sunday)", $"callingWindow.days[{i}]");
            }

            days.Add(parsed);
        }

        var from = Time(From, "from") ?? TimeSpan.Zero;
        var to = Time(To, "to") ?? TimeSpan.FromHours(24);
        if (from >= to)
        {
            throw new CampaignException("the window must end after it starts", "callingWindow.to");
        }

        if (TimeZone is not null && !WeekTimes.TryFindIanaZone(TimeZone, out _))
        {
            throw new CampaignException($"'{TimeZone}' is not a known IANA time zone", "callingWindow.timeZone");
        }

        return new CallingWindow(days.Distinct().ToList(), from, to, TimeZone);
    }

    private static TimeSpan? Time(string? text, string name)
    {
        if (text is null)
        {
            return null;
        }

        if (WeekTimes.TryParseTime(text, out var time))
        {
            return time;
        }

        throw new CampaignException($"'{text}' is not a time of day such as 09:00", $"callingWindow.{name}");
    }
}
