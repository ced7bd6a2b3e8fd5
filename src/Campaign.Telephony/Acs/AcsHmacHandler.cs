using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Campaign.Telephony.Acs;

/// <summary>
/// Signs each request with the resource's access key, as Communication Services expects: HMAC-SHA256 over the method,
/// path and query, date, host and body hash. Runs on every attempt, so a retried request carries a fresh date.
/// </summary>
public sealed class AcsHmacHandler(byte[] accessKey, TimeProvider clock) : DelegatingHandler
{
    public const string SignedHeaders = "x-ms-date;host;x-ms-content-sha256";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no address.");
        var date = clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var contentHash = Convert.ToBase64String(SHA256.HashData(body));
        var signature = Sign(accessKey, request.Method.Method, uri, date, contentHash);

        request.Headers.Remove("x-ms-date");
        request.Headers.Remove("x-ms-content-sha256");
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("x-ms-date", date);
        request.Headers.TryAddWithoutValidation("x-ms-content-sha256", contentHash);
        request.Headers.TryAddWithoutValidation("Authorization", $"HMAC-SHA256 SignedHeaders={SignedHeaders}&Signature={signature}");
        return await base.SendAsync(request, cancellationToken);
    }

    public static string Sign(byte[] key, string method, Uri uri, string date, string contentHash)
    {
        var toSign = $"{method.ToUpperInvariant()}\n{uri.PathAndQuery}\n{date};{uri.Authority};{contentHash}";
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(toSign)));
    }
}
