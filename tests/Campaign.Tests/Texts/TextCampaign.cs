using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Campaign.Tests.Twilio;

namespace Campaign.Tests.Texts;

/// <summary>
/// A campaign whose script has an information text, over a fake provider: talkative callees who ask for more
/// information, some with consent to texts (a consent record with scope <c>sms</c>) and some without.
/// </summary>
internal static class TextCampaign
{
    public const string InfoText = "Hi {{customer.firstName}}, here is the outage information from {{persona.company}}: example.com/outages. Reply STOP to opt out.";

    /// <summary>The information text as the customers (all named "Customer n") receive it.</summary>
    public const string Rendered = "Hi Customer, here is the outage information from City Power: example.com/outages. Reply STOP to opt out.";

    /// <returns>The campaign id and the phone numbers of the customers, in order.</returns>
    public static async Task<(string Id, IReadOnlyList<string> Phones)> RunAsync(
        HttpClient client, Action<Func<string, CalleeScript>> setScript, string name, IReadOnlyList<bool> smsConsent, int phoneOffset)
    {
        var script = await CalleeCampaign.PostAsync(client, "/api/scripts", JsonSerializer.Serialize(new
        {
            name = "Outage follow-up with text",
            persona = new { agentName = "Alex", company = "City Power" },
            goal = "Follow up on the customer's {{customer.latestIssue.category}} service: find out whether they are interested in hearing more, note any concerns, and offer to send more information.",
            opening = "Hello {{customer.firstName}}, this is {{persona.agentName}} from {{persona.company}}, following up on your {{customer.latestIssue.category}} service. Do you have a minute to talk?",
            talkingPoints = new[] { "We're checking in with customers in {{customer.area}} to make sure any problems have been resolved." },
            closing = "Thank you for your time, {{customer.firstName}}. Goodbye.",
            disclosure = "I'm an automated assistant calling on behalf of {{persona.company}}.",
            maxTurns = 12,
            infoText = InfoText,
        }));
        var scriptId = script.GetProperty("id").GetString();

        var area = name + Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,issue.text,consent.kind,consent.at,consent2.kind,consent2.scope,consent2.at\n");
        var phones = new List<string>();
        for (var i = 0; i < smsConsent.Count; i++)
        {
            var phone = TestCustomers.Phone(phoneOffset + i);
            phones.Add(phone);
            var sms = smsConsent[i] ? "express,sms,2020-01-01" : ",,";
            csv.Append($"{area}-{i:D3},Customer {i},{phone},{area},{TestZones.Afternoon},electricity,power cuts at night,express,2020-01-01,{sms}\n");
        }

        setScript(to => phones.Contains(to) ? CalleeScript.Talkative : CalleeScript.NoAnswer);
        var import = await client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        var campaign = await CalleeCampaign.PostAsync(client, "/api/campaigns", $$"""
            { "name": "{{name}} {{area}}", "criteria": { "area": ["{{area}}"] }, "scriptId": "{{scriptId}}", "maxConcurrentCalls": 5,
              "retryPolicy": { "maxAttempts": 1 }, "callerId": "+12125550123" }
            """);
        var id = campaign.GetProperty("id").GetString()!;
        await CalleeCampaign.PostAsync(client, $"/api/campaigns/{id}/start", "{}");
        var stats = await CalleeCampaign.WaitForCompletionAsync(client, id, TimeSpan.FromSeconds(60));
        Assert.Equal("completed", stats.GetProperty("status").GetString());
        return (id, phones);
    }

    /// <summary>The campaign's calls, each with its customer's phone.</summary>
    public static async Task<List<JsonElement>> CallsAsync(HttpClient client, string campaignId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/calls?take=100")).GetProperty("items").EnumerateArray().ToList();

    public static async Task<JsonElement> CallAsync(HttpClient client, string callId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}");

    public static async Task<JsonElement?> TextOfAsync(HttpClient client, string callId)
    {
        var call = await CallAsync(client, callId);
        return call.TryGetProperty("texts", out var texts) && texts.ValueKind == JsonValueKind.Array && texts.GetArrayLength() > 0 ? texts[0] : null;
    }

    /// <summary>Waits up to 10 s for the call's text to reach <paramref name="status"/>; returns the text as it then is.</summary>
    public static async Task<JsonElement?> WaitForTextAsync(HttpClient client, string callId, string status)
    {
        JsonElement? text = null;
        await CalleeCampaign.WaitUntilAsync(async () =>
        {
            text = await TextOfAsync(client, callId);
            return text?.GetProperty("status").GetString() == status;
        });
        return text;
    }

    public static async Task<bool> IsDoNotCallAsync(HttpClient client, string phone)
    {
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/dnc?q={Uri.EscapeDataString(phone)}");
        var items = list.ValueKind == JsonValueKind.Array ? list : list.GetProperty("items");
        return items.EnumerateArray().Any(e => e.GetProperty("phone").GetString() == phone && e.GetProperty("source").GetString() == "sms");
    }
}
