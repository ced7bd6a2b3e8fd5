using System.Collections.Concurrent;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Tests.Support;

namespace Campaign.Tests.Grains;

public class CampaignObserverTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private sealed class Recorder : ICampaignObserver
    {
        public ConcurrentQueue<string> Changes { get; } = new();

        public Task OnCampaignChangedAsync(string campaignId)
        {
            Changes.Enqueue(campaignId);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Subscribers_hear_of_calls_starting_and_ending_and_the_live_calls_name_their_customers()
    {
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromSeconds(30), "Yes, tell me more.");
        var (area, ids) = await fixture.SeedAsync(5);
        var id = "cmp-observed-" + Guid.NewGuid().ToString("N")[..8];
        var campaign = fixture.Grains.GetGrain<ICampaignGrain>(id);
        await campaign.CreateAsync(EngineFixture.Definition(area, 3));
        var recorder = new Recorder();
        var reference = fixture.Grains.CreateObjectReference<ICampaignObserver>(recorder);
        await campaign.SubscribeAsync(reference);

        await campaign.StartAsync();
        await EngineFixture.WaitUntilAsync(async () => (await campaign.GetLiveCallsAsync(0, 100))!.Total == 3, "three calls are live");
        await EngineFixture.WaitUntilAsync(() => Task.FromResult(!recorder.Changes.IsEmpty), "the subscriber hears of the start");

        // The calls' progress notices fill in the campaign's live-call table: answered, with the customer's name.
        await EngineFixture.WaitUntilAsync(
            async () => (await campaign.GetLiveCallsAsync(0, 100))!.Items.All(c => c is { Status: CallStatus.InProgress, AnsweredAt: not null, CustomerName: not null }),
            "the live calls show as answered, with names");
        var live = (await campaign.GetLiveCallsAsync(0, 100))!.Items;
        Assert.All(live, call =>
        {
            Assert.Contains(call.CustomerId, ids);
            Assert.Equal(1, call.Attempt);
            Assert.StartsWith(id + "-", call.CallId);
            Assert.False(string.IsNullOrWhiteSpace(call.CustomerName));
        });
        Assert.Equal([live[1]], (await campaign.GetLiveCallsAsync(1, 1))!.Items);
        Assert.Equal(3, live.Select(c => c.CustomerId).Distinct().Count());
        Assert.All(recorder.Changes, campaignId => Assert.Equal(id, campaignId));

        var heard = recorder.Changes.Count;
        await campaign.CancelAsync();
        await EngineFixture.WaitUntilAsync(async () => (await campaign.GetLiveCallsAsync(0, 100))!.Total == 0, "the live calls end");
        await EngineFixture.WaitUntilAsync(() => Task.FromResult(recorder.Changes.Count > heard), "the subscriber hears of the cancel and the ends");

        await campaign.UnsubscribeAsync(reference);
        fixture.Grains.DeleteObjectReference<ICampaignObserver>(reference);
    }
}
