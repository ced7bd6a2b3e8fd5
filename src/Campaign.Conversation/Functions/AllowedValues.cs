using System.Text.Json.Serialization;
using Campaign.Abstractions.Customers;

namespace Campaign.Conversation.Functions;

/// <summary>
/// The values a model may give for interest levels and follow-up kinds, in the kernel functions' parameters and in the
/// structured extraction. Both declare them as JSON schema enums; a value outside them is a model fault.
/// </summary>
public static class AllowedValues
{
    /// <summary><c>record_interest</c>'s <c>level</c>.</summary>
    public static IReadOnlyList<string> InterestLevels { get; } = ["interested", "neutral", "notInterested"];

    /// <summary><c>record_follow_up</c>'s <c>kind</c>.</summary>
    public static IReadOnlyList<string> FollowUpKinds { get; } = ["moreInfo", "callback", "leaveAlone"];

    /// <summary>The extraction's <c>Interest</c>: a level, or unknown when the customer never said.</summary>
    public static IReadOnlyList<string> ExtractedInterest { get; } = [.. InterestLevels, "unknown"];

    /// <summary>The extraction's <c>FollowUp</c>: a kind, or none.</summary>
    public static IReadOnlyList<string> ExtractedFollowUp { get; } = [.. FollowUpKinds, "none"];

    /// <summary>The allowed value <paramref name="value"/> names (letter case aside), or null when it names none.</summary>
    public static string? Match(string? value, IEnumerable<string> allowed)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : allowed.FirstOrDefault(a => a.Equals(trimmed, StringComparison.OrdinalIgnoreCase));
    }

    public static string List(IEnumerable<string> allowed) => string.Join(", ", allowed);
}

/// <summary>The <c>level</c> of <c>record_interest</c>; its JSON names are <see cref="AllowedValues.InterestLevels"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InterestLevel>))]
public enum InterestLevel
{
    [JsonStringEnumMemberName("interested")]
    Interested,

    [JsonStringEnumMemberName("neutral")]
    Neutral,

    [JsonStringEnumMemberName("notInterested")]
    NotInterested,
}

/// <summary>The <c>kind</c> of <c>record_follow_up</c>; its JSON names are <see cref="AllowedValues.FollowUpKinds"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FollowUpChoice>))]
public enum FollowUpChoice
{
    [JsonStringEnumMemberName("moreInfo")]
    MoreInfo,

    [JsonStringEnumMemberName("callback")]
    Callback,

    [JsonStringEnumMemberName("leaveAlone")]
    LeaveAlone,
}

internal static class ToolValueMapping
{
    public static Interest ToInterest(this InterestLevel level) => level switch
    {
        InterestLevel.Interested => Interest.Interested,
        InterestLevel.Neutral => Interest.Neutral,
        _ => Interest.NotInterested,
    };

    public static FollowUpKind ToFollowUpKind(this FollowUpChoice kind) => kind switch
    {
        FollowUpChoice.MoreInfo => FollowUpKind.MoreInfo,
        FollowUpChoice.Callback => FollowUpKind.Callback,
        _ => FollowUpKind.LeaveAlone,
    };
}
