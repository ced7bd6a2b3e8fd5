using System.Security.Cryptography;
using System.Text;

namespace Campaign.Tests.Twilio;

/// <summary>X-Twilio-Signature as Twilio computes it: HMAC-SHA1 of the URL followed by the sorted form pairs, base64.</summary>
public static class TwilioSignature
{
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }
}
