using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Telephony;
using global::Twilio.Clients;
using global::Twilio.Exceptions;
using global::Twilio.Rest.Api.V2010.Account;
using global::Twilio.Types;

namespace Campaign.Telephony.Twilio;

/// <summary>
/// Sends text messages through Twilio's Messages API, from the Messaging Service or number configured for texts, with
/// a status callback per text; delivery reports come back to <see cref="TwilioTextWebhooks"/>.
/// </summary>
public sealed class TwilioTextMessaging(ITwilioRestClient client, TwilioOptions options, TwilioUrls urls) : ITextMessaging
{
    public async Task<TextAccepted> SendAsync(OutgoingText text, CancellationToken cancellationToken = default)
    {
        var create = new CreateMessageOptions(new PhoneNumber(text.To))
        {
            Body = text.Body,
            StatusCallback = urls.TextStatus(text.CallId, text.TextId),
        };
        if (options.MessagingServiceSid is { } service)
        {
            create.MessagingServiceSid = service;
        }
        else
        {
            create.From = new PhoneNumber(options.MessagingFrom ?? options.FromNumber);
        }

        try
        {
            var message = await MessageResource.CreateAsync(create, client);
            return new TextAccepted(message.Sid, TwilioTextStatus.Of(message.Status?.ToString()) ?? TextStatus.Queued);
        }
        catch (ApiException ex) when (ex.Status is >= 400 and < 500 && ex.Status != 429)
        {
            throw new TextRefusedException($"Twilio refused the text: {ex.Code} {ex.Message}");
        }
    }
}

/// <summary>Twilio's message statuses in the order of <see cref="TextStatus"/>.</summary>
public static class TwilioTextStatus
{
    public static TextStatus? Of(string? status) => status?.ToLowerInvariant() switch
    {
        "accepted" or "scheduled" or "queued" => TextStatus.Queued,
        "sending" or "sent" => TextStatus.Sent,
        "delivered" or "read" => TextStatus.Delivered,
        "undelivered" => TextStatus.Undelivered,
        "failed" or "canceled" => TextStatus.Failed,
        _ => null,
    };
}
