using Campaign.Abstractions.Telemetry;

namespace Campaign.Telephony.Acs;

/// <summary>
/// Lets an ACS callback through only with the per-call token of its URL (an HMAC of the call id only this host can
/// compute) and, when <c>Telephony:Acs:Jwt:Enabled</c>, a valid JWT from Call Automation in the Authorization header.
/// Missing credentials get 401, wrong ones 403 (an invalid JWT: 401); nothing is read or changed before.
/// </summary>
internal sealed class AcsCallbackAuthFilter(AcsCallbackUrls urls, AcsOptions options, AcsJwtValidator jwt) : IEndpointFilter
{
    private const string Bearer = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var callId = http.Request.Query["callId"].ToString();
        var token = http.Request.Query["token"].ToString();
        if (callId.Length == 0 || token.Length == 0)
        {
            return Refuse(StatusCodes.Status401Unauthorized, "Unauthorized", "The callback URL has no callId or token.");
        }

        if (!urls.IsValid(callId, token))
        {
            return Refuse(StatusCodes.Status403Forbidden, "Forbidden", "The callback token does not match this call.");
        }

        if (options.Jwt.Enabled)
        {
            var authorization = http.Request.Headers.Authorization.ToString();
            if (!authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
                || !await jwt.IsValidAsync(authorization[Bearer.Length..].Trim(), http.RequestAborted))
            {
                return Refuse(StatusCodes.Status401Unauthorized, "Unauthorized", "The Authorization header has no valid token from Call Automation.");
            }
        }

        return await next(context);
    }

    private static IResult Refuse(int status, string title, string detail)
    {
        CampaignTelemetry.WebhookSignatureFailures.Add(1, new KeyValuePair<string, object?>("provider", "acs"));
        return Results.Problem(statusCode: status, title: title, detail: detail);
    }
}
