using System.Diagnostics;
using System.Xml.Linq;

namespace Campaign.WebhookBench;

/// <summary>
/// Plays one answered call as Twilio drives it: status callbacks (ringing, in-progress), the voice webhook, one Gather
/// post per line the callee says (timed: the caller's turn), then the completed status callback.
/// </summary>
internal sealed class Callee(HttpClient http, string authToken, LatencyLog log, TimeSpan meanThink)
{
    public sealed record Call(string Sid, string From, string To, string VoiceUrl, string StatusUrl, IReadOnlyList<string> Lines);

    public async Task PlayAsync(Call call)
    {
        try
        {
            await PostAsync(call, call.StatusUrl, "ringing", null, null);
            await PostAsync(call, call.StatusUrl, "in-progress", null, null);
            var twiml = await PostAsync(call, call.VoiceUrl, "in-progress", null, "voice");
            foreach (var line in call.Lines)
            {
                if (GatherAction(twiml) is not { } action)
                {
                    break;
                }

                await Task.Delay(Think());
                twiml = await PostAsync(call, action, "in-progress", line, "turn");
            }

            await PostAsync(call, call.StatusUrl, "completed", null, "status");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Xml.XmlException)
        {
            Interlocked.Increment(ref log.Errors);
        }
    }

    private TimeSpan Think() => meanThink * (0.5 + Random.Shared.NextDouble());

    private async Task<string> PostAsync(Call call, string url, string status, string? speech, string? timed)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("AccountSid", FakeTwilioApi.AccountSid), new("ApiVersion", "2010-04-01"), new("CallSid", call.Sid),
            new("CallStatus", status), new("Direction", "outbound-api"), new("From", call.From), new("To", call.To),
        ];
        if (speech is not null)
        {
            fields.Add(new("SpeechResult", speech));
            fields.Add(new("Confidence", "0.92"));
        }

        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(TwilioRequest.Signed(authToken, url, fields));
        var body = await response.Content.ReadAsStringAsync();
        if (timed is not null)
        {
            log.Add(timed, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref log.Errors);
        }

        return body;
    }

    private static string? GatherAction(string twiml) =>
        twiml.Length == 0 ? null : XDocument.Parse(twiml).Descendants("Gather").FirstOrDefault()?.Attribute("action")?.Value;
}
