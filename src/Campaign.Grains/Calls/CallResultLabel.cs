using Campaign.Abstractions.Customers;

namespace Campaign.Grains.Calls;

internal static class CallResultLabel
{
    /// <summary>The result as the API spells it: answered, voicemail, noAnswer, busy, failed, cancelled.</summary>
    public static string Of(CallResult result)
    {
        var name = result.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
