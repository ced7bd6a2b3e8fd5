namespace Campaign.Storage.AzureTables;

/// <summary>
/// Row keys inside a customer partition: <c>c|{id}</c> the profile, <c>a|{id}|{callId}</c> a contact attempt.
/// </summary>
internal static class CustomerRowKeys
{
    public const string ProfilePrefix = "c|";

    public static string Profile(string id) => ProfilePrefix + TableKeys.Escape(id);

    public static string AttemptPrefix(string id) => TableKeys.Join("a", TableKeys.Escape(id), "");

    public static string Attempt(string id, string callId) => AttemptPrefix(id) + TableKeys.Escape(callId);
}
