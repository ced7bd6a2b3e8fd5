using Campaign.Abstractions.Calls;
using Campaign.Telephony.Http;
using Microsoft.AspNetCore.Mvc;

namespace Campaign.Telephony.Twilio;

/// <summary>
/// The webhooks Twilio calls during a call. They authenticate by signature, not the API key. Each turns Twilio's
/// report into a call event and answers with the TwiML of the call grain's instruction. Repeats are harmless: a
/// Gather action carries the turn it collects, so a retried delivery gets the reply already given and changes
/// nothing, and the grain ignores other events that no longer fit the call.
/// </summary>
public static class TwilioWebhooks
{
    private const string Xml = "text/xml";

    public static void MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        var twilio = app.MapGroup(TwilioUrls.BasePath)
            .AddEndpointFilter<TwilioSignatureFilter>()
            .AddEndpointFilter<KnownCallFilter>()
            .ExcludeFromDescription();
        twilio.MapPost("/voice", VoiceAsync).DisableAntiforgery();
        twilio.MapPost("/gather", GatherAsync).DisableAntiforgery();
        twilio.MapPost("/status", StatusAsync).DisableAntiforgery();
        twilio.MapPost("/amd", AmdAsync).DisableAntiforgery();
        twilio.MapPost("/transfer", TransferAsync).DisableAntiforgery();
        twilio.MapPost("/whisper", WhisperAsync).DisableAntiforgery();
        twilio.MapPost("/relay-ended", RelayEndedAsync).DisableAntiforgery();
        twilio.MapGet("/relay", ConversationRelayEndpoint.RunAsync);
        app.MapTwilioTextWebhooks();
    }

    private static async Task<IResult> VoiceAsync(
        [FromQuery] string callId, HttpRequest request, IGrainFactory grains, TwilioOptions options, TwilioTwiml twiml)
    {
        var form = await request.ReadFormAsync();
        var grain = grains.GetGrain<ICallGrain>(callId);
        if (TwilioCallEvents.IsMachine(form["AnsweredBy"]))
        {
            return Results.Content(twiml.For(callId, await grain.OnEventAsync(new CallEvent(CallEventKind.MachineAnswered))), Xml);
        }

        if (options.Mode == TwilioMode.ConversationRelay)
        {
            // The conversation starts when the relay connects (its setup message is the answer).
            var call = await grain.GetAsync();
            return Results.Content(call is null || call.Status == CallStatus.Ended ? TwilioTwiml.HangUp() : twiml.Relay(callId), Xml);
        }

        return Results.Content(twiml.For(callId, await grain.OnEventAsync(new CallEvent(CallEventKind.Answered))), Xml);
    }

    private static async Task<IResult> GatherAsync(
        [FromQuery] string callId, [FromQuery] int? turn, HttpRequest request, IGrainFactory grains, TwilioTwiml twiml)
    {
        // Silence is an event like speech: the conversation decides when it ends the call.
        var form = await request.ReadFormAsync();
        var callEvent = TwilioCallEvents.FromSpeech(form["SpeechResult"]) with { Turn = turn };
        var instruction = await grains.GetGrain<ICallGrain>(callId).OnEventAsync(callEvent);
        return Results.Content(twiml.For(callId, instruction), Xml);
    }

    private static async Task<IResult> StatusAsync([FromQuery] string callId, HttpRequest request, IGrainFactory grains)
    {
        var form = await request.ReadFormAsync();
        if (TwilioCallEvents.FromStatus(form["CallStatus"]) is { } callEvent)
        {
            await grains.GetGrain<ICallGrain>(callId).OnEventAsync(callEvent);
        }

        return Results.NoContent();
    }

    /// <summary>
    /// The transfer's Dial is over: the person's leg ended after talking, or it never connected. The answer is what
    /// the customer's line does next (hang up, or an apology and hang up).
    /// </summary>
    private static async Task<IResult> TransferAsync([FromQuery] string callId, HttpRequest request, IGrainFactory grains, TwilioTwiml twiml)
    {
        var form = await request.ReadFormAsync();
        // The action's own fields describe the customer's call (its To is the customer); the person's number is the transfer's.
        if (TwilioCallEvents.FromDialStatus(form["DialCallStatus"], party: null) is not { } callEvent)
        {
            return Results.Content(TwilioTwiml.HangUp(), Xml);
        }

        var instruction = await grains.GetGrain<ICallGrain>(callId).OnEventAsync(callEvent);
        return Results.Content(instruction.HangUp ? twiml.For(callId, instruction) : TwilioTwiml.HangUp(), Xml);
    }

    /// <summary>
    /// The ConversationRelay session is over. When it ended by handing the call to a person (its <c>HandoffData</c>)
    /// and the call's transfer still waits, the person's number is dialled; otherwise the line is hung up.
    /// </summary>
    private static async Task<IResult> RelayEndedAsync([FromQuery] string callId, HttpRequest request, IGrainFactory grains, TwilioTwiml twiml)
    {
        var form = await request.ReadFormAsync();
        if (!RelayHandoff.IsTransfer(form["HandoffData"]))
        {
            return Results.Content(TwilioTwiml.HangUp(), Xml);
        }

        var call = await grains.GetGrain<ICallGrain>(callId).GetAsync();
        return Results.Content(
            call is { Status: not CallStatus.Ended, Transfer: { Result: TransferResult.Pending } transfer } ? twiml.Handoff(callId, transfer.Number) : TwilioTwiml.HangUp(),
            Xml);
    }

    /// <summary>The person answered a transfer: the transfer is connected, and they hear the call's summary first.</summary>
    private static async Task<IResult> WhisperAsync([FromQuery] string callId, HttpRequest request, IGrainFactory grains, TwilioTwiml twiml)
    {
        var form = await request.ReadFormAsync();
        var instruction = await grains.GetGrain<ICallGrain>(callId).OnEventAsync(TwilioCallEvents.PersonAnswered(form["To"]));
        return Results.Content(twiml.Whisper(instruction.Whisper), Xml);
    }

    /// <summary>Asynchronous machine detection: the call is already running TwiML, so a machine gets new TwiML pushed.</summary>
    private static async Task<IResult> AmdAsync(
        [FromQuery] string callId, HttpRequest request, IGrainFactory grains, TwilioTelephony telephony, TwilioTwiml twiml)
    {
        var form = await request.ReadFormAsync();
        if (!TwilioCallEvents.IsMachine(form["AnsweredBy"]))
        {
            return Results.NoContent();
        }

        var instruction = await grains.GetGrain<ICallGrain>(callId).OnEventAsync(new CallEvent(CallEventKind.MachineAnswered));
        var callSid = form["CallSid"].ToString();
        if (instruction != CallInstruction.None && callSid.Length > 0)
        {
            await telephony.RedirectAsync(callId, callSid, twiml.For(callId, instruction));
        }

        return Results.NoContent();
    }
}
