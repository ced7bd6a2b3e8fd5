using Campaign.Abstractions.Calls;

namespace Campaign.Telephony.Http;

/// <summary>
/// A provider request about a call this system never placed is answered 404 and logged: it is a misrouted webhook,
/// a stale configuration or someone probing. Finished calls are known, so their late reports still get through.
/// </summary>
internal sealed partial class KnownCallFilter(IGrainFactory grains, ILogger<KnownCallFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var callId = context.HttpContext.Request.Query["callId"].ToString();
        if (callId.Length == 0 || !await grains.GetGrain<ICallGrain>(callId).IsKnownAsync())
        {
            LogUnknownCall(logger, context.HttpContext.Request.Path, callId.Length > 64 ? callId[..64] : callId);
            return Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown call",
                detail: "No call with this callId was placed by this system.");
        }

        return await next(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider request {Path} for unknown call '{CallId}' answered 404")]
    private static partial void LogUnknownCall(ILogger logger, string path, string callId);
}
