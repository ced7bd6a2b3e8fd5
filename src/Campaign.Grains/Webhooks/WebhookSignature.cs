using System.Security.Cryptography;
using System.Text;

namespace Campaign.Grains.Webhooks;

/// <summary>
/// The signature of a delivery: <c>v1=</c> and the lowercase hex HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>, keyed
/// with the secret's UTF-8 bytes. The version prefix leaves room for another scheme (or a second secret) later.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "Campaign-Webhook-Id";
    public const string TimestampHeader = "Campaign-Webhook-Timestamp";
    public const string SignatureHeader = "Campaign-Webhook-Signature";

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var payload = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{body}");
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload);
        return "v1=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>Whether <paramref name="header"/> carries a valid <c>v1</c> signature (compared in constant time).</summary>
    public static bool Verify(string secret, string id, long timestamp, string body, string? header)
    {
        if (header is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, id, timestamp, body));
        return header.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(candidate)));
    }
}
