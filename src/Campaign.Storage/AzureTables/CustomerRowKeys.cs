namespace Campaign.Storage.AzureTables;

/// <summary>
/// Row keys inside a customer partition: <c>c|{id}</c> the profile, <c>a|{id}|{callId}</c> a contact attempt and
/// <c>x|phone|{phone}|{id}</c> the customer's phone number (no properties; the key is the data), written in the same
/// transaction as the profile so that a number joining the do-not-call list finds its customers.
/// </summary>
internal static class CustomerRowKeys
{
    public const string ProfilePrefix = "c|";

    public static string Profile(string id) => ProfilePrefix + TableKeys.Escape(id);

    public static string AttemptPrefix(string id) => TableKeys.Join("a", TableKeys.Escape(id), "");

    public static string Attempt(string id, string callId) => AttemptPrefix(id) + TableKeys.Escape(callId);

    public static string Phone(string phone) => TableKeys.Join("x", "phone", TableKeys.Part(phone), "");
}
