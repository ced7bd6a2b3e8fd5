using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Acs;

namespace Campaign.Tests.Texts;

public class AcsTextTests
{
    [Fact]
    public async Task A_customer_who_asks_for_more_information_gets_a_signed_SMS_whose_delivery_report_and_STOP_reply_arrive_as_Event_Grid_events()
    {
        await using var host = await AcsHost.StartAsync();
        var (id, phones) = await TextCampaign.RunAsync(host.Client, script => host.Acs.Script = script, "AcsTexts", [true, false], 820_000);
        var calls = await TextCampaign.CallsAsync(host.Client, id);
        Assert.All(calls, c => Assert.Equal("moreInfo", c.GetProperty("outcome").GetProperty("followUp").GetProperty("kind").GetString()));

        // The fake checked the HMAC signature of the send; one text, to the consenting customer, with a delivery report tagged by the text id.
        Assert.Equal(0, host.Acs.Unauthorized);
        var sent = Assert.Single(host.Acs.Texts);
        var consented = calls.Single(c => c.GetProperty("customerId").GetString()!.EndsWith("-000", StringComparison.Ordinal)).GetProperty("id").GetString()!;
        var textId = consented + "-info";
        Assert.Equal("+12125550199", sent.Value.GetProperty("from").GetString());
        Assert.Equal(phones[0], sent.Value.GetProperty("smsRecipients")[0].GetProperty("to").GetString());
        Assert.Equal(TextCampaign.Rendered, sent.Value.GetProperty("message").GetString());
        Assert.True(sent.Value.GetProperty("smsSendOptions").GetProperty("enableDeliveryReport").GetBoolean());
        Assert.Equal(textId, sent.Value.GetProperty("smsSendOptions").GetProperty("tag").GetString());
        var text = (await TextCampaign.TextOfAsync(host.Client, consented))!.Value;
        Assert.Equal("queued", text.GetProperty("status").GetString());
        Assert.Equal(sent.Key, text.GetProperty("providerMessageId").GetString());

        var events = $"{host.BaseUrl}/telephony/acs/sms?token={AcsHost.SmsEventsToken}";
        using var http = new HttpClient();
        Task<HttpResponseMessage> PostAsync(string url, string json) => http.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        string Report(string status) => JsonSerializer.Serialize(new[]
        {
            new
            {
                id = Guid.NewGuid().ToString(), topic = "/subscriptions/x/resourceGroups/y/providers/Microsoft.Communication/CommunicationServices/z",
                subject = $"/phonenumber/{phones[0]}", eventType = "Microsoft.Communication.SMSDeliveryReportReceived", dataVersion = "1.0", metadataVersion = "1",
                eventTime = DateTimeOffset.UtcNow,
                data = new { messageId = sent.Key, from = "+12125550199", to = phones[0], deliveryStatus = status, deliveryStatusDetails = status == "Delivered" ? "No error." : "Number blocked", tag = textId },
            },
        });

        // The subscription's validation handshake is answered with its code, behind the token like every event.
        var validation = """[{ "id": "v1", "eventType": "Microsoft.EventGrid.SubscriptionValidationEvent", "data": { "validationCode": "512d38b6-c7b8-40c8-89fe-f46f9e9622b6" } }]""";
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync($"{host.BaseUrl}/telephony/acs/sms", validation)).StatusCode);
        var handshake = await PostAsync(events, validation);
        Assert.Equal(HttpStatusCode.OK, handshake.StatusCode);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", (await handshake.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("validationResponse").GetString());

        // A report with a wrong token is refused; a delivered report is final, so a replayed failure changes nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync($"{host.BaseUrl}/telephony/acs/sms?token=wrong", Report("Failed"))).StatusCode);
        Assert.Equal("queued", (await TextCampaign.TextOfAsync(host.Client, consented))!.Value.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(events, Report("Delivered"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(events, Report("Delivered"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(events, Report("Failed"))).StatusCode);
        var delivered = (await TextCampaign.TextOfAsync(host.Client, consented))!.Value;
        Assert.Equal("delivered", delivered.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, delivered.GetProperty("error").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(events, "{ not json")).StatusCode);

        // SMSReceived with a stop keyword (CloudEvents schema here) lists the number; another reply does not.
        string Received(string body) => JsonSerializer.Serialize(new[]
        {
            new
            {
                id = Guid.NewGuid().ToString(), source = "/subscriptions/x", specversion = "1.0", type = "Microsoft.Communication.SMSReceived",
                time = DateTimeOffset.UtcNow, data = new { messageId = "Incoming_1", from = phones[0], to = "+12125550199", message = body, receivedTimestamp = DateTimeOffset.UtcNow },
            },
        });
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(events, Received("thanks, got it"))).StatusCode);
        Assert.False(await TextCampaign.IsDoNotCallAsync(host.Client, phones[0]));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(events, Received("Unsubscribe"))).StatusCode);
        Assert.True(await TextCampaign.IsDoNotCallAsync(host.Client, phones[0]));
    }
}
