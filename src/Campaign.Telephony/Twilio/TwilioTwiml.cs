using Campaign.Abstractions.Calls;
using global::Twilio.TwiML;
using global::Twilio.TwiML.Voice;

namespace Campaign.Telephony.Twilio;

/// <summary>Turns a <see cref="CallInstruction"/> into the TwiML Twilio should run next.</summary>
public sealed class TwilioTwiml(TwilioOptions options, TwilioUrls urls)
{
    public string For(string callId, CallInstruction instruction)
    {
        var response = new VoiceResponse();
        if (instruction is { HangUp: true, Listen: true } && !string.IsNullOrWhiteSpace(instruction.Say))
        {
            // The goodbye, then a few seconds to hear last words ("…and take me off your list"); silence hangs up.
            var lastWords = new Gather(
                input: [Gather.InputEnum.Speech],
                action: urls.Gather(callId, instruction.AnswerTurn),
                method: global::Twilio.Http.HttpMethod.Post,
                timeout: LastWords.Seconds,
                speechTimeout: options.SpeechTimeout,
                language: (Gather.LanguageEnum)options.Language,
                actionOnEmptyResult: false);
            lastWords.Say(instruction.Say, voice: Voice, language: Language);
            return response.Append(lastWords).Hangup().ToString();
        }

        if (instruction.HangUp)
        {
            if (!string.IsNullOrWhiteSpace(instruction.Say))
            {
                response.Say(instruction.Say, voice: Voice, language: Language);
            }

            return response.Hangup().ToString();
        }

        if (instruction.TransferTo is { } number)
        {
            return Transfer(callId, instruction.Say, number, instruction.Whisper is not null);
        }

        // Anything else keeps the line open: say the text, if any, and listen.
        var action = urls.Gather(callId, instruction.AnswerTurn);
        var gather = new Gather(
            input: [Gather.InputEnum.Speech],
            action: action,
            method: global::Twilio.Http.HttpMethod.Post,
            speechTimeout: options.SpeechTimeout,
            language: (Gather.LanguageEnum)options.Language,
            actionOnEmptyResult: true);
        if (!string.IsNullOrWhiteSpace(instruction.Say))
        {
            gather.Say(instruction.Say, voice: Voice, language: Language);
        }

        // Should the Gather end without calling its action, the call still comes back as an empty result.
        return response.Append(gather).Redirect(action, method: global::Twilio.Http.HttpMethod.Post).ToString();
    }

    public static string HangUp() => new VoiceResponse().Hangup().ToString();

    /// <summary>What the person who takes a transfer hears before being connected; empty TwiML connects at once.</summary>
    public string Whisper(string? text)
    {
        var response = new VoiceResponse();
        if (!string.IsNullOrWhiteSpace(text))
        {
            response.Say(text, voice: Voice, language: Language);
        }

        return response.ToString();
    }

    /// <summary>
    /// The customer hears the line, then the person's number rings (Twilio's 30 s). The person first hears the whisper
    /// (the <c>Number</c>'s URL) when there is one; the Dial's action reports how it went and asks what comes next.
    /// </summary>
    private string Transfer(string callId, string? say, string number, bool whisper)
    {
        var response = new VoiceResponse();
        if (!string.IsNullOrWhiteSpace(say))
        {
            response.Say(say, voice: Voice, language: Language);
        }

        var dial = new Dial(action: urls.Transfer(callId), method: global::Twilio.Http.HttpMethod.Post, timeout: TransferRingSeconds);
        dial.Number(
            new global::Twilio.Types.PhoneNumber(number),
            url: whisper ? urls.Whisper(callId) : null,
            method: whisper ? global::Twilio.Http.HttpMethod.Post : null);
        return response.Append(dial).ToString();
    }

    private const int TransferRingSeconds = 30;

    /// <summary>
    /// After a ConversationRelay session handed the call over (the hand-over line was already spoken over the relay):
    /// the person's number is dialled with the whisper URL, which answers with the summary when the script has one.
    /// </summary>
    public string Handoff(string callId, string number) => Transfer(callId, say: null, number, whisper: true);

    /// <summary>Hands the call to a ConversationRelay WebSocket on this host.</summary>
    public string Relay(string callId)
    {
        var relay = new ConversationRelay(
            url: urls.Relay(callId).ToString(),
            language: options.Language,
            voice: options.Voice,
            interruptible: "any",
            dtmfDetection: true);
        relay.Parameter(name: "callId", value: callId);
        var connect = new Connect(action: urls.RelayEnded(callId), method: global::Twilio.Http.HttpMethod.Post).Append(relay);
        return new VoiceResponse().Append(connect).ToString();
    }

    private Say.VoiceEnum? Voice => string.IsNullOrWhiteSpace(options.Voice) ? null : (Say.VoiceEnum)options.Voice;

    private Say.LanguageEnum Language => (Say.LanguageEnum)options.Language;
}
