using System.Text.RegularExpressions;

namespace Campaign.Conversation.Understanding;

/// <summary>
/// "Stop ringing the landline, use my mobile": a request to be called on another number, which keeps the customer
/// callable, not a request to stop calling. Read on a line already normalised by <see cref="OptOutDetector"/>.
/// </summary>
internal static partial class ChannelSwitch
{
    public static bool Redirects(string line) => Redirect().IsMatch(line) && NamedLine().IsMatch(line);

    private const string OtherLine = @"(?:my|the|this|that) (?:mobile|cell|cellphone|cell phone|mobile number|cell number|other number|other phone|new number|new one|other one|work number|work phone|work mobile|landline|home number|home phone|house phone|number instead|one instead)";

    // "call my mobile", "use my cell", "ring me on the landline", "try this one instead"; never "don't use my landline".
    [GeneratedRegex(@"(?<!\b(?:not|never|nor|or|stop|no) )\b(?:call|ring|phone|try|use|reach|get|contact)(?: me| us)?(?: on| at)? " + OtherLine + @"\b")]
    private static partial Regex Redirect();

    // The line the customer wants left alone: "the landline", "my work number", "this number", "the house phone".
    [GeneratedRegex(@"\b(?:calling|ringing|phoning|call|ring|phone)(?: me| us)? (?:on )?(?:my|the|this|that) (?:\w+ )?(?:number|phone|line|landline|mobile|cell|office)\b")]
    private static partial Regex NamedLine();
}
