using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;
using Campaign.Conversation.Agent;
using Campaign.Tests.Support;

namespace Campaign.Tests.Grains;

/// <summary>An engine whose conversation model always fails (HTTP 500): short budgets, a callback after 1.2 seconds.</summary>
public sealed class ModelOutageFixture : EngineFixture, IAsyncLifetime
{
    private FakeOpenAIServer _model = null!;

    public FakeOpenAIServer Model => _model;

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Conversation:Provider"] = "OpenAI",
        ["Conversation:OpenAI:Endpoint"] = _model.Endpoint,
        ["Conversation:OpenAI:Model"] = "fake-model",
        ["Conversation:OpenAI:TimeoutSeconds"] = "3",
        ["Conversation:OpenAI:MaxAttempts"] = "2",
        ["Conversation:OpenAI:CallAgainAfterMinutes"] = "0.02",
    };

    public new async Task InitializeAsync()
    {
        _model = await FakeOpenAIServer.StartAsync();
        _model.Respond = (_, _) => Task.FromResult(FakeOpenAIServer.Fault(500));
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _model.DisposeAsync();
    }
}

/// <summary>A call the model could not finish keeps the customer in play: the campaign really calls them again.</summary>
public sealed class ModelOutageEngineTests(ModelOutageFixture fixture) : IClassFixture<ModelOutageFixture>
{
    [Fact]
    public async Task A_customer_whose_call_the_model_could_not_finish_is_called_again_and_each_call_says_why()
    {
        var script = await fixture.Grains.GetGrain<IScriptGrain>("scr-outage-" + Guid.NewGuid().ToString("N")[..8]).CreateAsync(OutageScript.Definition());
        var (area, ids) = await fixture.SeedAsync(1);
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Yes, sure, tell me more.");

        // One attempt by the retry policy, plus the two callbacks a campaign allows.
        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 1) with { ScriptId = script.ScriptId });
        await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed, TimeSpan.FromSeconds(60));

        var calls = (await fixture.CallsOfAsync(campaign.GetPrimaryKeyString())).OrderBy(c => c.Attempt).ToList();
        Assert.Equal([1, 2, 3], calls.Select(c => c.Attempt));
        Assert.All(calls, c =>
        {
            Assert.Equal(ids[0], c.CustomerId);
            Assert.Equal(CallResult.Answered, c.Result);
            Assert.Equal(AgentLines.ModelFailure, c.Transcript[^1].Text);
            Assert.Equal(Interest.Interested, c.Outcome!.Interest);
            Assert.Equal(FollowUpKind.Callback, c.Outcome.FollowUp.Kind);
            Assert.StartsWith("Ended early because the conversation model failed (error: HTTP 500).", c.Outcome.Summary);
            Assert.StartsWith("Model failure (error: HTTP 500): a callback is set for", c.Note);
        });

        // Each new attempt was dialled at the callback time the failed call set, not before.
        for (var i = 1; i < calls.Count; i++)
        {
            Assert.True(calls[i].StartedAt >= calls[i - 1].Outcome!.FollowUp.At, $"attempt {i + 1} started before the callback time");
        }
    }
}
