namespace Campaign.Telephony.Twilio;

/// <summary>
/// Sends Twilio REST requests to another base URL (a local fake in tests). The SDK's Region and Edge settings only
/// change the host name under twilio.com, so the HTTP layer is where another address can be put in.
/// </summary>
internal sealed class ApiBaseRewriteHandler(Uri target) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
