using System.Globalization;
using System.Net.Http.Json;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Telephony;

namespace Campaign.Telephony.Acs;

/// <summary>
/// Sends text messages through the ACS SMS REST API on the signed <c>acs</c> client, with a delivery report whose tag is
/// the text id; reports and replies arrive as Event Grid events (<see cref="AcsSmsEvents"/>). Each send carries its
/// own repeatability id, so the pipeline's retries never deliver a text twice.
/// </summary>
public sealed class AcsTextMessaging(HttpClient http, AcsOptions options, TimeProvider clock) : ITextMessaging
{
    public async Task<TextAccepted> SendAsync(OutgoingText text, CancellationToken cancellationToken = default)
    {
        var body = new AcsSmsSendRequest(
            options.SmsFrom.Length > 0 ? options.SmsFrom : options.FromNumber,
            [new AcsSmsRecipient(text.To, Guid.NewGuid().ToString(), clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture))],
            text.Body,
            new AcsSmsSendOptions(true, text.TextId));
        var url = new Uri($"{options.Endpoint}/sms?api-version={Uri.EscapeDataString(options.SmsApiVersion)}");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: AcsJson.Options) };
        // Marks the request as repeatable for the resilience pipeline; the recipient carries the id ACS deduplicates by.
        request.Headers.TryAddWithoutValidation(AcsRepeatability.RequestIdHeader, body.SmsRecipients[0].RepeatabilityRequestId);
        request.Headers.TryAddWithoutValidation(AcsRepeatability.FirstSentHeader, body.SmsRecipients[0].RepeatabilityFirstSent);
        using var response = await http.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode is >= 400 and < 500 and not 429)
        {
            throw new TextRefusedException($"ACS refused the text: {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<AcsSmsSendResponse>(AcsJson.Options, cancellationToken);
        var result = answer?.Value?.FirstOrDefault();
        if (result is not { Successful: true, MessageId.Length: > 0 })
        {
            throw new TextRefusedException($"ACS refused the text: {result?.ErrorMessage ?? "no result for the recipient"}");
        }

        return new TextAccepted(result.MessageId, TextStatus.Queued);
    }
}

internal sealed record AcsSmsSendRequest(string From, IReadOnlyList<AcsSmsRecipient> SmsRecipients, string Message, AcsSmsSendOptions SmsSendOptions);

internal sealed record AcsSmsRecipient(string To, string RepeatabilityRequestId, string RepeatabilityFirstSent);

internal sealed record AcsSmsSendOptions(bool EnableDeliveryReport, string Tag);

internal sealed record AcsSmsSendResponse(IReadOnlyList<AcsSmsSendResult>? Value);

internal sealed record AcsSmsSendResult(string? To, string? MessageId, int HttpStatusCode, bool Successful, string? ErrorMessage);
