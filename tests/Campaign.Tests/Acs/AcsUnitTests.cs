using Campaign.Abstractions.Calls;
using Campaign.Host.Hosting;
using Campaign.Telephony.Acs;
using Microsoft.Extensions.Configuration;

namespace Campaign.Tests.Acs;

public class AcsUnitTests
{
    private static readonly string Key = Convert.ToBase64String("unit-test-access-key-0123456789ab"u8.ToArray());

    /// <summary>Keeps a host that fails to start from touching the default data folder.</summary>
    private static string[] Isolated =>
        ["--Auth:ApiKey", "unit-test-api-key-0123456789", "--Storage:Sqlite:Path", Path.Combine(Path.GetTempPath(), "campaign-tests", "never-created.db")];

    private static Dictionary<string, string> Settings() => new()
    {
        ["Endpoint"] = "https://contoso.communication.azure.com",
        ["AccessKey"] = Key,
        ["FromNumber"] = "+12125550199",
        ["PublicBaseUrl"] = "https://calls.example.com",
        ["CognitiveServicesEndpoint"] = "https://speech.cognitiveservices.azure.com",
    };

    private static AcsOptions Read(Dictionary<string, string> settings) => AcsSettings.Read(new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"Telephony:Acs:{s.Key}", (string?)s.Value)))
        .Build());

    [Theory]
    [InlineData("Endpoint")]
    [InlineData("AccessKey")]
    [InlineData("FromNumber")]
    [InlineData("PublicBaseUrl")]
    [InlineData("CognitiveServicesEndpoint")]
    public void Missing_settings_stop_the_host_naming_the_key(string missing)
    {
        var settings = Settings();
        settings.Remove(missing);
        string[] args = [.. Isolated, "--Telephony:Provider", "Acs", .. settings.SelectMany(s => new[] { $"--Telephony:Acs:{s.Key}", s.Value })];

        var error = Assert.Throws<InvalidOperationException>(() => CampaignHost.Build(args));
        Assert.Contains($"Telephony:Acs:{missing}", error.Message);
        Assert.DoesNotContain(Key, error.Message);
    }

    [Theory]
    [InlineData("AccessKey", "not base64!")]
    [InlineData("Endpoint", "contoso.communication.azure.com")]
    [InlineData("Jwt:Enabled", "yes")]
    [InlineData("Voices:es-US:Locale", "es-US")]
    public void Invalid_settings_are_refused_naming_the_key(string key, string value)
    {
        var settings = Settings();
        settings[key] = value;
        var error = Assert.Throws<InvalidOperationException>(() => Read(settings));
        Assert.Contains($"Telephony:Acs:{(key.StartsWith("Voices", StringComparison.Ordinal) ? "Voices:es-US:Voice" : key)}", error.Message);
        Assert.DoesNotContain("not base64!", error.Message);
    }

    [Fact]
    public void JWT_checks_need_the_resource_id_and_default_to_the_published_configuration()
    {
        var settings = Settings();
        settings["Jwt:Enabled"] = "true";
        Assert.Contains("Telephony:Acs:Jwt:Audience", Assert.Throws<InvalidOperationException>(() => Read(settings)).Message);

        settings["Jwt:Audience"] = "5f1c7a52-6a3e-4c1b-9d3e-0b7c2f4e8a91";
        var options = Read(settings);
        Assert.True(options.Jwt.Enabled);
        Assert.Equal("https://acscallautomation.communication.azure.com", options.Jwt.Issuer);
        Assert.Equal("https://acscallautomation.communication.azure.com/calling/.well-known/acsopenidconfiguration", options.Jwt.OpenIdConfigurationUrl);
        Assert.Equal("2024-09-15", options.ApiVersion);
    }

    [Fact]
    public void Voices_follow_the_script_language_and_its_own_voice()
    {
        var settings = Settings();
        settings["Voices:es-US:Voice"] = "es-US-PalomaNeural";
        settings["Voices:fr:Locale"] = "fr-FR";
        settings["Voices:fr:Voice"] = "fr-FR-DeniseNeural";
        settings["Voice"] = "en-US-AvaNeural";
        var options = Read(settings);

        Assert.Equal(new AcsVoice("es-US", "es-US-PalomaNeural"), AcsVoices.For(options, "es-US", null));
        Assert.Equal(new AcsVoice("fr-FR", "fr-FR-DeniseNeural"), AcsVoices.For(options, "fr-CA", null));
        Assert.Equal(new AcsVoice("en-US", "en-US-AvaNeural"), AcsVoices.For(options, "de-DE", null));
        Assert.Equal(new AcsVoice("es-US", "es-US-AlonsoNeural"), AcsVoices.For(options, "es-US", "es-US-AlonsoNeural"));
    }

    [Fact]
    public void The_operation_context_survives_the_round_trip_and_rejects_what_this_host_did_not_write()
    {
        var context = new AcsOperationContext("camp|1/7 é", AcsStep.Turn, 3, "+12125550100", new AcsVoice("es-US", "es-US-PalomaNeural"));
        Assert.Equal(context, AcsOperationContext.Parse(context.Format()));
        Assert.Equal(context with { Step = AcsStep.Goodbye, Turn = 4 }, context.Next(AcsStep.Goodbye));
        Assert.Null(AcsOperationContext.Parse(null));
        Assert.Null(AcsOperationContext.Parse("call-1"));
        Assert.Null(AcsOperationContext.Parse("v2|c|Dance|1|+1||"));
        Assert.Null(AcsOperationContext.Parse("v2|c|Turn|-1|+1||"));
        Assert.Null(AcsOperationContext.Parse("v1|c|Turn|1|-1|+1||"));

        // A call in flight when the host was upgraded: its actions carry the earlier format, with a count of silences.
        Assert.Equal(new AcsOperationContext("c-9", AcsStep.Turn, 2, "+12125550100", null), AcsOperationContext.Parse("v1|c-9|Turn|2|1|%2B12125550100||"));
    }

    [Fact]
    public void Callback_tokens_are_per_call_and_per_key()
    {
        var options = Read(Settings());
        var urls = new AcsCallbackUrls(options);
        var token = urls.Token("call-1");
        Assert.True(urls.IsValid("call-1", token));
        Assert.False(urls.IsValid("call-2", token));
        Assert.False(urls.IsValid("call-1", token[..^1]));
        Assert.False(new AcsCallbackUrls(Read(Settings().With("CallbackSecret", "another secret"))).IsValid("call-1", token));
        Assert.Equal($"https://calls.example.com/telephony/acs/events?callId=a%20b&token={urls.Token("a b")}", urls.Events("a b").AbsoluteUri);
    }

    [Fact]
    public void The_signature_covers_method_path_query_date_host_and_body()
    {
        var key = Convert.FromBase64String(Key);
        var uri = new Uri("https://contoso.communication.azure.com/calling/callConnections?api-version=2024-09-15");
        const string Date = "Thu, 26 Nov 2026 09:00:00 GMT";
        const string Hash = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; // SHA-256 of an empty body
        var signature = AcsHmacHandler.Sign(key, "post", uri, Date, Hash);

        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.ASCII.GetBytes(
            "POST\n/calling/callConnections?api-version=2024-09-15\nThu, 26 Nov 2026 09:00:00 GMT;contoso.communication.azure.com;" + Hash)));
        Assert.Equal(expected, signature);
        Assert.NotEqual(signature, AcsHmacHandler.Sign(key, "POST", new Uri(uri + "&x=1"), Date, Hash));
        Assert.NotEqual(signature, AcsHmacHandler.Sign(key, "POST", new Uri("https://other.communication.azure.com" + uri.PathAndQuery), Date, Hash));
        Assert.NotEqual(signature, AcsHmacHandler.Sign(Convert.FromBase64String(Convert.ToBase64String("another-key"u8.ToArray())), "POST", uri, Date, Hash));
    }

    [Fact]
    public void Results_become_call_events()
    {
        Assert.Equal(CallEndReason.Busy, AcsCallEvents.CreateFailureReason(486));
        Assert.Equal(CallEndReason.Busy, AcsCallEvents.CreateFailureReason(603));
        Assert.Equal(CallEndReason.NoAnswer, AcsCallEvents.CreateFailureReason(408));
        Assert.Equal(CallEndReason.NoAnswer, AcsCallEvents.CreateFailureReason(480));
        Assert.Equal(CallEndReason.Failed, AcsCallEvents.CreateFailureReason(500));
        Assert.Equal(CallEndReason.Failed, AcsCallEvents.CreateFailureReason(null));
        Assert.Equal(new CallEvent(CallEventKind.Silence, Turn: 2), AcsCallEvents.FromSpeech("  ", 2));
        Assert.Equal(new CallEvent(CallEventKind.Speech, "yes", Turn: 1), AcsCallEvents.FromSpeech(" yes ", 1));
    }

    [Theory]
    [InlineData("Hi, you've reached Sam. Please leave a message after the beep.", 1, true)]
    [InlineData("The person you are calling is not available right now.", 2, true)]
    [InlineData("Welcome to the voicemail of Ana", 1, true)]
    [InlineData("Yes, I have a minute.", 1, false)]
    [InlineData("Can I leave a message for your manager?", 3, false)]
    public void Voicemail_greetings_are_recognised_in_the_first_turns_only(string text, int turn, bool greeting) =>
        Assert.Equal(greeting, AcsVoicemailGreeting.IsGreeting(text, turn));

    [Fact]
    public void CloudEvent_batches_are_read_and_bad_bodies_refused()
    {
        var context = AcsOperationContext.Dial("c-1", "+12125550100").Next(AcsStep.Turn).Format();
        using var json = System.Text.Json.JsonDocument.Parse($$"""
            [ { "id": "e1", "type": "Microsoft.Communication.RecognizeCompleted", "specversion": "1.0",
                "data": { "callConnectionId": "cc-1", "operationContext": "{{context}}", "recognitionType": "speech",
                          "speechResult": { "speech": "hello" }, "resultInformation": { "code": 200, "subCode": 8533 } } },
              { "id": "e2", "type": "Microsoft.Communication.CallDisconnected", "data": { "callConnectionId": "cc-1" } } ]
            """);
        var events = AcsCallbackEvent.ParseBatch(json.RootElement);
        Assert.Equal(2, events.Count);
        Assert.Equal("RecognizeCompleted", events[0].Type);
        Assert.Equal("hello", events[0].Speech);
        Assert.Equal(200, events[0].ResultCode);
        Assert.Equal(8533, events[0].ResultSubCode);
        Assert.Equal(AcsStep.Turn, events[0].Context!.Step);
        Assert.Null(events[1].Context);

        using var bad = System.Text.Json.JsonDocument.Parse("""[ { "data": {} } ]""");
        Assert.Throws<System.Text.Json.JsonException>(() => AcsCallbackEvent.ParseBatch(bad.RootElement));
    }
}

internal static class SettingsExtensions
{
    public static Dictionary<string, string> With(this Dictionary<string, string> settings, string key, string value)
    {
        settings[key] = value;
        return settings;
    }
}
