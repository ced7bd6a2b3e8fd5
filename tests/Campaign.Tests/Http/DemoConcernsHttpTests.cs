using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Conversation.Understanding;
using Campaign.Host.Demo;
using Campaign.Tests.Support;

namespace Campaign.Tests.Http;

/// <summary>
/// The demo data the quick start seeds, called as the README shows: the campaign's top concerns read as topics, never
/// as a courtesy, a time or a whole sentence.
/// </summary>
public sealed class DemoConcernsHttpTests : IAsyncLifetime
{
    private static readonly string[] SmallTalk = ["thank", "thanks", "great", "bye", "morning works", "afternoon", "tomorrow", "pm", "i'm", "i am", "worried", "?"];

    private readonly InProcessHost _host = new(["--Demo:Seed", "true"]);

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_demo_campaigns_top_concerns_are_topics()
    {
        // Every demo area: the demo customers live in time zones far enough apart that some are callable at any hour.
        var campaign = await CalleeCampaign.PostAsync(_host.Client, "/api/campaigns", """
            { "name": "Demo", "criteria": { "area": ["Riverside", "Oakwood", "Hillcrest", "Old Town", "Lakeside", "Northgate"] }, "maxConcurrentCalls": 20 }
            """);
        var id = campaign.GetProperty("id").GetString()!;
        await CalleeCampaign.PostAsync(_host.Client, $"/api/campaigns/{id}/start", "{}");

        var top = await TopConcernsAsync(id, atLeast: 3, TimeSpan.FromMinutes(2));

        Assert.True(top.Count >= 3, $"only {top.Count} concerns after two minutes");
        foreach (var (concern, examples) in top)
        {
            Assert.DoesNotContain(SmallTalk, w => concern.Contains(w, StringComparison.OrdinalIgnoreCase));
            Assert.True(concern.Split(' ').Length <= ConcernTopic.MaxWords, concern);
            // A concern that is the customer's reported issue is named in the issue's own words.
            Assert.True(concern == ConcernTopic.Of(concern)?.ToLowerInvariant() || DemoCustomers.IssueTexts.Contains(concern), concern);
            Assert.NotEmpty(examples);
        }
    }

    private async Task<IReadOnlyList<(string Concern, IReadOnlyList<string> Examples)>> TopConcernsAsync(string id, int atLeast, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var stats = await _host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/stats");
            var top = stats.GetProperty("topConcerns").EnumerateArray()
                .Select(c => (c.GetProperty("concern").GetString()!, (IReadOnlyList<string>)c.GetProperty("examples").EnumerateArray().Select(e => e.GetString()!).ToList()))
                .ToList();
            if (top.Count >= atLeast || stats.GetProperty("status").GetString() == "completed" || DateTime.UtcNow > deadline)
            {
                return top;
            }

            await Task.Delay(200);
        }
    }
}
