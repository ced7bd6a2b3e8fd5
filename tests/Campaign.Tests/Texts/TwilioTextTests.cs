using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Tests.Twilio;

namespace Campaign.Tests.Texts;

public class TwilioTextTests
{
    [Fact]
    public async Task A_customer_who_asks_for_more_information_gets_the_text_once_its_delivery_is_recorded_and_STOP_opts_the_number_out()
    {
        await using var host = await TwilioHost.StartAsync();
        var (id, phones) = await TextCampaign.RunAsync(host.Client, script => host.Twilio.Script = script, "TwilioTexts", [true, false], 810_000);
        var calls = await TextCampaign.CallsAsync(host.Client, id);
        Assert.All(calls, c => Assert.Equal("moreInfo", c.GetProperty("outcome").GetProperty("followUp").GetProperty("kind").GetString()));

        // Only the customer who consented to texts got one, once, rendered, from the caller id, with a status callback.
        var message = Assert.Single(host.Twilio.Messages);
        var form = message.Value;
        Assert.Equal(phones[0], form["To"]);
        Assert.Equal("+12125550199", form["From"]);
        Assert.Equal(TextCampaign.Rendered, form["Body"]);
        var consented = calls.Single(c => c.GetProperty("customerId").GetString()!.EndsWith("-000", StringComparison.Ordinal)).GetProperty("id").GetString()!;
        var other = calls.Single(c => c.GetProperty("id").GetString() != consented).GetProperty("id").GetString()!;
        var callbackUrl = $"{host.BaseUrl}/telephony/twilio/sms-status?callId={Uri.EscapeDataString(consented)}&textId={Uri.EscapeDataString(consented + "-info")}";
        Assert.Equal(callbackUrl, form["StatusCallback"]);

        var text = (await TextCampaign.TextOfAsync(host.Client, consented))!.Value;
        Assert.Equal(phones[0], text.GetProperty("to").GetString());
        Assert.Equal("queued", text.GetProperty("status").GetString());
        Assert.Equal(message.Key, text.GetProperty("providerMessageId").GetString());
        Assert.True(text.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(0, (await TextCampaign.CallAsync(host.Client, other)).GetProperty("texts").GetArrayLength());

        // Signed delivery reports move the status forward; a replayed or older one changes nothing; an unsigned one is refused.
        List<KeyValuePair<string, string>> Report(string status) =>
            [new("AccountSid", FakeTwilio.AccountSid), new("MessageSid", message.Key), new("MessageStatus", status), new("To", phones[0]), new("From", "+12125550199")];
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Twilio.Callee.SendAsync(callbackUrl, Report("failed"), signature: "forged")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Twilio.Callee.SendAsync(callbackUrl, Report("sent"))).StatusCode);
        Assert.Equal("sent", (await TextCampaign.TextOfAsync(host.Client, consented))!.Value.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await host.Twilio.Callee.SendAsync(callbackUrl, Report("delivered"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Twilio.Callee.SendAsync(callbackUrl, Report("sent"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Twilio.Callee.SendAsync(callbackUrl, Report("failed"))).StatusCode);
        var delivered = (await TextCampaign.TextOfAsync(host.Client, consented))!.Value;
        Assert.Equal("delivered", delivered.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, delivered.GetProperty("error").ValueKind);

        // A report for a call this host never placed is refused.
        var stranger = $"{host.BaseUrl}/telephony/twilio/sms-status?callId=nope&textId=nope-info";
        Assert.Equal(HttpStatusCode.NotFound, (await host.Twilio.Callee.SendAsync(stranger, Report("delivered"))).StatusCode);

        // A reply that is not a stop keyword changes nothing; "stop" (any case) lists the number, a repeat changes nothing.
        var incoming = $"{host.BaseUrl}/telephony/twilio/sms";
        List<KeyValuePair<string, string>> Reply(string body) =>
            [new("AccountSid", FakeTwilio.AccountSid), new("MessageSid", "SM" + Guid.NewGuid().ToString("N")), new("From", phones[0]), new("To", "+12125550199"), new("Body", body)];
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Twilio.Callee.SendAsync(incoming, Reply("STOP"), signature: "forged")).StatusCode);
        Assert.False(await TextCampaign.IsDoNotCallAsync(host.Client, phones[0]));
        Assert.Equal(HttpStatusCode.OK, (await host.Twilio.Callee.SendAsync(incoming, Reply("Please stop by tomorrow"))).StatusCode);
        Assert.False(await TextCampaign.IsDoNotCallAsync(host.Client, phones[0]));
        Assert.Equal(HttpStatusCode.OK, (await host.Twilio.Callee.SendAsync(incoming, Reply(" stop "))).StatusCode);
        Assert.True(await TextCampaign.IsDoNotCallAsync(host.Client, phones[0]));
        Assert.Equal(HttpStatusCode.OK, (await host.Twilio.Callee.SendAsync(incoming, Reply("STOP"))).StatusCode);
        var customer = await host.Client.GetFromJsonAsync<JsonElement>($"/api/customers/{calls.Single(c => c.GetProperty("id").GetString() == consented).GetProperty("customerId").GetString()}");
        Assert.True(customer.GetProperty("doNotCall").GetBoolean());
    }
}
