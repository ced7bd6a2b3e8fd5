using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Abstractions.Customers;
using Campaign.Conversation.Agent;
using Campaign.Telephony.Simulator;
using Campaign.Tests.Http;
using Campaign.Tests.Support;

namespace Campaign.Tests.Telephony;

/// <summary>
/// The simulator keeps the line open after a goodbye that listens, as real providers do: virtual customers say their
/// last words over it, and a late request not to be called again is honoured.
/// </summary>
public sealed class SimulatedLastWordsTests : IAsyncLifetime
{
    private const int Seed = 42;
    private readonly InProcessHost _host = new(["--Telephony:Simulator:Seed", Seed.ToString()]);

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_virtual_customer_who_asks_not_to_be_called_again_after_the_goodbye_is_opted_out()
    {
        var calls = await CallAsync("Late", habit => habit is LastWordsHabit.AskNotToCall or LastWordsHabit.GrumbleAboutCalls, 745_000);

        var late = calls.Where(c => Lines(c).Any(l => l.Text is LastWordsHabits.NotAgainLine or LastWordsHabits.GrumbleLine)).ToList();
        Assert.True(late.Count > 0, Describe(calls));
        foreach (var call in late)
        {
            var lines = Lines(call);
            var said = lines.FindIndex(l => l.Speaker == "customer" && l.Text is LastWordsHabits.NotAgainLine or LastWordsHabits.GrumbleLine);
            Assert.True(said > 0 && lines[said - 1].Speaker == "agent", Describe([call]));
            if (lines[said].Text == LastWordsHabits.GrumbleLine)
            {
                // A line that only might be a request is asked about, and the person says yes.
                Assert.Equal(("agent", AgentLines.AskOptOut), lines[said + 1]);
                Assert.Equal(("customer", LastWordsHabits.StopCallingYes), lines[said + 2]);
            }

            Assert.Equal("agent", lines[^1].Speaker);
            Assert.Contains("must not call you again", lines[^1].Text, StringComparison.Ordinal);
            Assert.Equal("answered", call.GetProperty("result").GetString());
            Assert.True(call.GetProperty("outcome").GetProperty("optedOut").GetBoolean(), Describe([call]));
            Assert.True(await DoNotCallAsync(call), Describe([call]));
        }
    }

    [Fact]
    public async Task A_courtesy_after_the_goodbye_gets_a_last_goodbye_and_the_call_ends_with_no_opt_out()
    {
        var calls = await CallAsync("Courtesy", habit => habit == LastWordsHabit.Courtesy, 746_000);

        var polite = calls.Where(c => Lines(c).Contains(("customer", LastWordsHabits.CourtesyLine))).ToList();
        Assert.True(polite.Count > 0, Describe(calls));
        foreach (var call in polite)
        {
            var lines = Lines(call);
            Assert.Equal([("customer", LastWordsHabits.CourtesyLine), ("agent", "Goodbye.")], lines[^2..]);
            Assert.Equal("ended", call.GetProperty("status").GetString());
            Assert.Equal("answered", call.GetProperty("result").GetString());
        }

        Assert.All(calls.Where(c => c.GetProperty("outcome").ValueKind == JsonValueKind.Object), c => Assert.False(c.GetProperty("outcome").GetProperty("optedOut").GetBoolean(), Describe([c])));
        foreach (var call in calls)
        {
            Assert.False(await DoNotCallAsync(call), Describe([call]));
        }
    }

    /// <summary>
    /// Calls, once each, virtual customers with the last-words habit wanted who are retired (at home in the early
    /// afternoon, so that many pick up), and returns the calls when the campaign has finished.
    /// </summary>
    private async Task<List<JsonElement>> CallAsync(string name, Func<LastWordsHabit, bool> habit, int phoneOffset)
    {
        var area = name + Guid.NewGuid().ToString("N")[..8];
        var issue = new CustomerIssue("electricity", null, "power cuts at night");
        var ids = Enumerable.Range(0, 5_000)
            .Select(i => $"{name}-{i:D4}")
            .Where(id =>
            {
                var person = VirtualCustomer.For(new CustomerProfile(id, "Pat", "", area, null, null, null, [], new Dictionary<string, string>(), [issue]), Seed, DateTimeOffset.UtcNow, callbackShare: 0);
                return habit(person.LastWords) && person.Routine == DailyRoutine.Retiree;
            })
            .Take(20)
            .ToList();
        Assert.Equal(20, ids.Count);

        var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,issue.text,consent.kind,consent.at\n");
        for (var i = 0; i < ids.Count; i++)
        {
            csv.Append($"{ids[i]},Customer {i},{TestCustomers.Phone(phoneOffset + i)},{area},{TestZones.Afternoon},{issue.Category},{issue.Text},express,2020-01-01\n");
        }

        (await _host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        var scriptId = await _host.CreateScriptAsync(name);
        var campaign = await _host.PostJsonAsync("/api/campaigns", $$"""
            { "name": "{{area}}", "criteria": { "area": ["{{area}}"] }, "maxConcurrentCalls": 20, "scriptId": "{{scriptId}}",
              "retryPolicy": { "maxAttempts": 1 }, "callerId": "+12125550123" }
            """);
        var id = campaign.GetProperty("id").GetString()!;
        await _host.PostJsonAsync($"/api/campaigns/{id}/start", "{}");

        var stats = await CalleeCampaign.WaitForCompletionAsync(_host.Client, id, TimeSpan.FromSeconds(90));
        Assert.Equal("completed", stats.GetProperty("status").GetString());
        return (await _host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/calls?take=100")).GetProperty("items").EnumerateArray().ToList();
    }

    private async Task<bool> DoNotCallAsync(JsonElement call) =>
        (await _host.Client.GetFromJsonAsync<JsonElement>($"/api/customers/{call.GetProperty("customerId").GetString()}")).GetProperty("doNotCall").GetBoolean();

    private static List<(string Speaker, string Text)> Lines(JsonElement call) =>
        call.GetProperty("transcript").EnumerateArray().Select(l => (l.GetProperty("speaker").GetString()!, l.GetProperty("text").GetString()!)).ToList();

    private static string Describe(IEnumerable<JsonElement> calls) =>
        string.Join("; ", calls.Select(c => $"{c.GetProperty("result")}: {string.Join(" | ", Lines(c).Select(l => $"{l.Speaker}: {l.Text}"))}"));
}
