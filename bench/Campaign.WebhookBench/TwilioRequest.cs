using System.Security.Cryptography;
using System.Text;

namespace Campaign.WebhookBench;

/// <summary>A webhook as Twilio sends it: a form post signed with <c>X-Twilio-Signature</c> over the URL and the sorted fields.</summary>
internal static class TwilioRequest
{
    public static HttpRequestMessage Signed(string authToken, string url, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var data = new StringBuilder(url);
        foreach (var field in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(field.Key).Append(field.Value);
        }

        var signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", signature);
        return request;
    }
}
