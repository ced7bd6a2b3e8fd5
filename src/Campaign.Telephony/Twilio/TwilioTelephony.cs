using Campaign.Abstractions.Telephony;
using global::Twilio.Clients;
using global::Twilio.Exceptions;
using global::Twilio.Rest.Api.V2010.Account;
using global::Twilio.Types;
using Microsoft.Extensions.Logging;

namespace Campaign.Telephony.Twilio;

/// <summary>Places and ends calls through Twilio's REST API; what happens on a call comes back through the webhooks.</summary>
public sealed partial class TwilioTelephony(ITwilioRestClient client, TwilioOptions options, TwilioUrls urls, ILogger<TwilioTelephony> logger) : ITelephony
{
    private static readonly List<string> StatusEvents = ["initiated", "ringing", "answered", "completed"];

    public async Task<string> PlaceCallAsync(PlaceCallRequest request, CancellationToken cancellationToken = default)
    {
        var from = string.IsNullOrWhiteSpace(request.From) ? options.FromNumber : request.From;
        var create = new CreateCallOptions(new PhoneNumber(request.To), new PhoneNumber(from))
        {
            Url = urls.Voice(request.CallId),
            Method = global::Twilio.Http.HttpMethod.Post,
            StatusCallback = urls.Status(request.CallId),
            StatusCallbackMethod = global::Twilio.Http.HttpMethod.Post,
            StatusCallbackEvent = StatusEvents,
            Timeout = (int)Math.Clamp(request.RingTimeout.TotalSeconds, 5, 600),
        };
        if (options.MachineDetection)
        {
            create.MachineDetection = "DetectMessageEnd";
            create.AsyncAmd = "true";
            create.AsyncAmdStatusCallback = urls.Amd(request.CallId);
            create.AsyncAmdStatusCallbackMethod = global::Twilio.Http.HttpMethod.Post;
        }

        var call = await CallResource.CreateAsync(create, client);
        LogPlaced(logger, request.CallId, call.Sid);
        return call.Sid;
    }

    public async Task HangUpAsync(string callId, string providerCallId, CancellationToken cancellationToken = default)
    {
        try
        {
            await CallResource.UpdateAsync(new UpdateCallOptions(providerCallId) { Status = CallResource.UpdateStatusEnum.Completed }, client);
        }
        catch (ApiException ex) when (ex.Status is 400 or 404)
        {
            LogAlreadyOver(logger, callId, ex.Code);
        }
    }

    public async Task<bool> IsLiveAsync(string callId, string providerCallId, CancellationToken cancellationToken = default)
    {
        try
        {
            var call = await CallResource.FetchAsync(new FetchCallOptions(providerCallId), client);
            return call.Status == CallResource.StatusEnum.Queued
                || call.Status == CallResource.StatusEnum.Ringing
                || call.Status == CallResource.StatusEnum.InProgress;
        }
        catch (ApiException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Replaces what a live call is doing with new TwiML (used when the answering machine is detected mid-call).</summary>
    public async Task RedirectAsync(string callId, string providerCallId, string twiml)
    {
        try
        {
            await CallResource.UpdateAsync(new UpdateCallOptions(providerCallId) { Twiml = new Twiml(twiml) }, client);
        }
        catch (ApiException ex) when (ex.Status is 400 or 404)
        {
            LogAlreadyOver(logger, callId, ex.Code);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallId} placed with Twilio as {CallSid}")]
    private static partial void LogPlaced(ILogger logger, string callId, string callSid);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallId}: Twilio reports the call already over (code {Code})")]
    private static partial void LogAlreadyOver(ILogger logger, string callId, int code);
}
