using System.Security.Cryptography;
using System.Text;

namespace Campaign.Telephony.Acs;

/// <summary>
/// The callback URL given to ACS for each call: the call id and a token only this host can compute (an HMAC of the
/// call id), so a callback that names a call without its token is refused, with or without JWT checks.
/// </summary>
public sealed class AcsCallbackUrls
{
    public const string BasePath = "/telephony/acs";
    public const string EventsPath = "/events";
    private readonly AcsOptions _options;
    private readonly byte[] _key;

    public AcsCallbackUrls(AcsOptions options)
    {
        _options = options;
        _key = options.CallbackSecret.Length > 0
            ? Encoding.UTF8.GetBytes(options.CallbackSecret)
            : HMACSHA256.HashData(Convert.FromBase64String(options.AccessKey), "campaign-acs-callback-token"u8);
    }

    public Uri Events(string callId) =>
        new($"{_options.PublicBaseUrl}{BasePath}{EventsPath}?callId={Uri.EscapeDataString(callId)}&token={Token(callId)}");

    public string Token(string callId) =>
        Base64Url(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(callId)));

    public bool IsValid(string callId, string token)
    {
        var expected = Encoding.ASCII.GetBytes(Token(callId));
        var given = Encoding.ASCII.GetBytes(token);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
