namespace Campaign.Telephony.Twilio;

/// <summary>
/// The ConversationRelay WebSocket: Twilio transcribes the callee and speaks our text. <c>setup</c> is the answer,
/// a final <c>prompt</c> is the callee's turn, <c>interrupt</c> is the callee speaking over the agent; replies go
/// back as <c>text</c> tokens while the model produces them, and <c>end</c> hangs up.
/// </summary>
internal static class ConversationRelayEndpoint
{
    public static async Task<IResult> RunAsync(HttpContext http, IGrainFactory grains, ILoggerFactory loggers)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request", detail: "This endpoint takes a WebSocket.");
        }

        var logger = loggers.CreateLogger(typeof(ConversationRelayEndpoint).FullName!);
        using var webSocket = await http.WebSockets.AcceptWebSocketAsync();
        using var socket = new RelaySocket(webSocket);
        await new ConversationRelaySession(socket, grains, logger, http.Request.Query["callId"].ToString()).RunAsync(http.RequestAborted);
        return Results.Empty;
    }
}
