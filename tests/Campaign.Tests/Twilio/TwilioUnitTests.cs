using Campaign.Abstractions.Calls;
using Campaign.Host.Hosting;
using Campaign.Telephony;
using Campaign.Telephony.Twilio;
using Twilio.Security;

namespace Campaign.Tests.Twilio;

public class TwilioUnitTests
{
    private static readonly TwilioOptions Options = new() { PublicBaseUrl = "https://calls.example.com", SpeechTimeout = "auto", Language = "en-US" };

    /// <summary>Keeps a host that fails to start from touching the default data folder.</summary>
    private static string[] Isolated =>
        ["--Auth:ApiKey", "unit-test-api-key-0123456789", "--Storage:Sqlite:Path", Path.Combine(Path.GetTempPath(), "campaign-tests", "never-created.db")];

    [Fact]
    public void The_test_signature_is_what_the_SDK_validates()
    {
        var url = "https://calls.example.com/telephony/twilio/status?callId=c-1";
        var form = new Dictionary<string, string> { ["CallSid"] = "CA1", ["CallStatus"] = "ringing", ["AccountSid"] = "AC1" };
        var validator = new RequestValidator("secret-token");
        Assert.True(validator.Validate(url, form, TwilioSignature.Sign("secret-token", url, form)));
        Assert.False(validator.Validate(url, form, TwilioSignature.Sign("other-token", url, form)));
    }

    [Fact]
    public void Instructions_become_TwiML()
    {
        var twiml = new TwilioTwiml(Options, new TwilioUrls(Options));
        var listen = twiml.For("c-1", CallInstruction.SayAndListen("How are you?"));
        Assert.Contains("""<Gather input="speech" action="https://calls.example.com/telephony/twilio/gather?callId=c-1" method="POST" speechTimeout="auto" language="en-US" actionOnEmptyResult="true">""", listen);
        Assert.Contains("How are you?</Say>", listen);
        Assert.Contains("""<Redirect method="POST">https://calls.example.com/telephony/twilio/gather?callId=c-1</Redirect>""", listen);

        Assert.Matches("<Say[^>]*>Goodbye.</Say>\\s*<Hangup>", twiml.For("c-1", CallInstruction.SayAndHangUp("Goodbye.")));
        Assert.DoesNotContain("<Say", twiml.For("c-1", CallInstruction.SayAndHangUp(null)));

        // A goodbye that listens for last words: silence falls through to the Hangup, speech posts turn 4.
        var lastWords = twiml.For("c-1", CallInstruction.SayListenAndHangUp("Goodbye.") with { AnswerTurn = 4 });
        Assert.Matches("""<Gather input="speech" action="[^"]*callId=c-1[^"]*turn=4" method="POST" timeout="3" speechTimeout="auto" language="en-US" actionOnEmptyResult="false">\s*<Say[^>]*>Goodbye.</Say>\s*</Gather>\s*<Hangup>""", lastWords);

        var relay = twiml.Relay("c-1");
        Assert.Contains("""url="wss://calls.example.com/telephony/twilio/relay?callId=c-1" """.Trim(), relay);
        Assert.Contains("""<Parameter name="callId" value="c-1">""", relay);
    }

    [Fact]
    public void Over_ConversationRelay_the_line_stays_open_for_the_goodbye_to_be_spoken_then_for_last_words()
    {
        Assert.Equal(TimeSpan.FromSeconds(LastWords.Seconds), LastWords.AfterHandingOver(""));
        var wait = LastWords.AfterHandingOver("Thank you for your time, Ana. Goodbye.");
        Assert.InRange(wait, TimeSpan.FromSeconds(LastWords.Seconds + 2), TimeSpan.FromSeconds(LastWords.Seconds + 4));
    }

    [Fact]
    public void Twilio_reports_become_call_events()
    {
        Assert.Equal(CallEventKind.Ringing, TwilioCallEvents.FromStatus("ringing")!.Kind);
        Assert.Equal(CallEndReason.NoAnswer, TwilioCallEvents.FromStatus("no-answer")!.EndReason);
        Assert.Equal(CallEndReason.Canceled, TwilioCallEvents.FromStatus("canceled")!.EndReason);
        Assert.Null(TwilioCallEvents.FromStatus("in-progress"));
        Assert.Equal(CallEventKind.Silence, TwilioCallEvents.FromSpeech(" ").Kind);
        Assert.Equal("yes", TwilioCallEvents.FromSpeech(" yes ").Text);
        Assert.True(TwilioCallEvents.IsMachine("machine_end_beep"));
        Assert.True(TwilioCallEvents.IsMachine("fax"));
        Assert.False(TwilioCallEvents.IsMachine("human"));
        Assert.False(TwilioCallEvents.IsMachine("unknown"));
    }

    [Theory]
    [InlineData("AuthToken")]
    [InlineData("PublicBaseUrl")]
    [InlineData("FromNumber")]
    public void Missing_settings_stop_the_host_naming_the_key(string missing)
    {
        var settings = new Dictionary<string, string>
        {
            ["AccountSid"] = "AC1",
            ["AuthToken"] = "secret-token-value",
            ["FromNumber"] = "+12125550199",
            ["PublicBaseUrl"] = "https://calls.example.com",
        };
        settings.Remove(missing);
        string[] args = [.. Isolated, "--Telephony:Provider", "Twilio", .. settings.SelectMany(s => new[] { $"--Telephony:Twilio:{s.Key}", s.Value })];

        var error = Assert.Throws<InvalidOperationException>(() => CampaignHost.Build(args));
        Assert.Contains($"Telephony:Twilio:{missing}", error.Message);
        Assert.DoesNotContain("secret-token-value", error.Message);
    }

    [Fact]
    public void A_bad_mode_is_refused_at_startup()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CampaignHost.Build(
        [
            .. Isolated,
            "--Telephony:Provider", "Twilio", "--Telephony:Twilio:AccountSid", "AC1", "--Telephony:Twilio:AuthToken", "t",
            "--Telephony:Twilio:FromNumber", "+12125550199", "--Telephony:Twilio:PublicBaseUrl", "https://calls.example.com",
            "--Telephony:Twilio:Mode", "Telepathy",
        ]));
        Assert.Contains("Telephony:Twilio:Mode", error.Message);
    }
}
