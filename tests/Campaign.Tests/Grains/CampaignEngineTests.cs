using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Tests.Support;

namespace Campaign.Tests.Grains;

public class CampaignEngineTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task Two_campaigns_of_1000_customers_never_exceed_their_quotas_or_the_trunk()
    {
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(20), "Yes, tell me more.");
        var (areaA, _) = await fixture.SeedAsync(1000);
        var (areaB, _) = await fixture.SeedAsync(1000);

        var a = await fixture.StartCampaignAsync(EngineFixture.Definition(areaA, 15));
        var b = await fixture.StartCampaignAsync(EngineFixture.Definition(areaB, 15));
        var doneA = await EngineFixture.WaitForStatusAsync(a, CampaignStatus.Completed, TimeSpan.FromMinutes(3));
        var doneB = await EngineFixture.WaitForStatusAsync(b, CampaignStatus.Completed, TimeSpan.FromMinutes(3));

        Assert.Equal((1000, 1000), (doneA.Finished, doneB.Finished));
        Assert.Equal((1000, 1000), (doneA.Results["answered"], doneB.Results["answered"]));
        var callsA = await fixture.CallsOfAsync(a.GetPrimaryKeyString());
        var callsB = await fixture.CallsOfAsync(b.GetPrimaryKeyString());
        Assert.InRange(EngineFixture.MaxOverlap(callsA), 1, 15);
        Assert.InRange(EngineFixture.MaxOverlap(callsB), 1, 15);
        Assert.InRange(EngineFixture.MaxOverlap(callsA.Concat(callsB)), 1, 20);
        Assert.InRange(fixture.Telephony.PeakFor(a.GetPrimaryKeyString()), 1, 15);
        Assert.InRange(fixture.Telephony.PeakFor(b.GetPrimaryKeyString()), 1, 15);
        Assert.InRange(fixture.Telephony.Peak, 1, 20);
        Assert.Equal(2000, fixture.Telephony.Placed.Count(p => p.CallId.StartsWith(a.GetPrimaryKeyString()) || p.CallId.StartsWith(b.GetPrimaryKeyString())));
        Assert.Equal(0, (await fixture.Grains.GetGrain<ITrunkGrain>(ITrunkGrain.Key).GetStatusAsync()).InUse);
    }

    [Fact]
    public async Task Unanswered_attempts_are_retried_as_the_policy_says()
    {
        var (area, ids) = await fixture.SeedAsync(3);
        fixture.Telephony.Behavior = request => request.CustomerId switch
        {
            var id when id == ids[0] && request.Attempt < 3 => CallScript.NotAnswered(CallEndReason.NoAnswer),
            var id when id == ids[1] => CallScript.NotAnswered(CallEndReason.Busy),
            _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Yes, tell me more."),
        };
        var retry = new RetryPolicy(3, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 2, retry));
        var progress = await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);

        var calls = await fixture.CallsOfAsync(campaign.GetPrimaryKeyString());
        string[] Results(string customer) => calls.Where(c => c.CustomerId == customer).OrderBy(c => c.Attempt).Select(c => c.Result.ToString()!).ToArray();
        Assert.Equal(["NoAnswer", "NoAnswer", "Answered"], Results(ids[0]));
        Assert.Equal(["Busy", "Busy", "Busy"], Results(ids[1]));
        Assert.Equal(["Answered"], Results(ids[2]));
        Assert.Equal((3, 0, 7), (progress.Finished, progress.RetriesPending, calls.Count));
        var first = calls.Where(c => c.CustomerId == ids[0]).OrderBy(c => c.Attempt).ToList();
        Assert.True(first[1].StartedAt - first[0].EndedAt >= TimeSpan.FromMilliseconds(190), "the retry came before its delay");
        var history = await fixture.Grains.GetGrain<ICustomerGrain>(ids[1]).GetAsync();
        Assert.Equal(3, history!.ContactHistory.Count(h => h.CampaignId == campaign.GetPrimaryKeyString()));
    }

    [Fact]
    public async Task A_start_that_finds_its_call_already_ended_settles_the_customer_from_the_stored_call()
    {
        // After a silo loss a start can fail once its call is stored; the call then ends on another silo and its report
        // finds the customer back in the queue. Dispatched again, the attempt's call grain says it already ended.
        var (area, ids) = await fixture.SeedAsync(1);
        var campaignId = "cmp-" + Guid.NewGuid().ToString("N")[..10];
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={fixture.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT pk FROM customers WHERE id = $id";
            query.Parameters.AddWithValue("$id", ids[0]);
            var seq = (long)(await query.ExecuteScalarAsync())!;
            var at = fixture.Clock.GetUtcNow().AddMinutes(-1);
            await fixture.Calls.SaveAsync(new CallRecord($"{campaignId}-{seq}-a1", campaignId, ids[0], null, 1, CallStatus.Ended, CallResult.Answered,
                at, at, at.AddSeconds(30), [], null, "interrupted: the call was lost with its silo"));
        }

        var placedBefore = fixture.Telephony.Placed.Count(p => p.CustomerId == ids[0]);
        var campaign = fixture.Grains.GetGrain<ICampaignGrain>(campaignId);
        await campaign.CreateAsync(EngineFixture.Definition(area, 1));
        await campaign.StartAsync();
        var progress = await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed, TimeSpan.FromSeconds(30));

        Assert.Equal((1, 0), (progress.Finished, progress.InFlight));
        Assert.Equal(placedBefore, fixture.Telephony.Placed.Count(p => p.CustomerId == ids[0]));
        Assert.Equal(0, (await fixture.Grains.GetGrain<ITrunkGrain>(ITrunkGrain.Key).GetStatusAsync()).InUse);
    }

    [Fact]
    public async Task Pause_lets_live_calls_finish_and_resume_carries_on()
    {
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(300), "Yes, tell me more.");
        var (area, _) = await fixture.SeedAsync(24);
        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 4));
        var id = campaign.GetPrimaryKeyString();
        int Placed() => fixture.Telephony.Placed.Count(p => p.CallId.StartsWith(id));
        await EngineFixture.WaitUntilAsync(() => Task.FromResult(Placed() >= 4), "calls are placed");

        await campaign.PauseAsync();
        await EngineFixture.WaitUntilAsync(async () => (await campaign.GetProgressAsync()).InFlight == 0, "live calls finish");
        var placedWhilePaused = Placed();
        await Task.Delay(500);
        Assert.Equal(placedWhilePaused, Placed());
        Assert.Equal(CampaignStatus.Paused, (await campaign.GetProgressAsync()).Status);
        Assert.True((await fixture.CallsOfAsync(id)).All(c => c.Result == CallResult.Answered), "pausing must not cut live calls");

        await campaign.ResumeAsync();
        var done = await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);
        Assert.Equal(24, done.Finished);
        Assert.Equal(24, Placed());
    }

    [Fact]
    public async Task Cancel_hangs_up_live_calls_and_dials_no_one_else()
    {
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromSeconds(30), "Yes, tell me more.");
        var (area, _) = await fixture.SeedAsync(30);
        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 5));
        var id = campaign.GetPrimaryKeyString();
        await EngineFixture.WaitUntilAsync(async () => (await campaign.GetProgressAsync()).InFlight == 5, "five calls are live");

        var cancelled = await campaign.CancelAsync();
        Assert.Equal(CampaignStatus.Cancelled, cancelled.Status);
        await EngineFixture.WaitUntilAsync(async () => (await fixture.CallsOfAsync(id)).Count == 5, "the live calls end", TimeSpan.FromSeconds(10));
        await Task.Delay(300);

        var progress = await campaign.GetProgressAsync();
        Assert.Equal((0, 0, 5), (progress.Queued, progress.InFlight, fixture.Telephony.Placed.Count(p => p.CallId.StartsWith(id))));
        Assert.All(await fixture.CallsOfAsync(id), c => Assert.True(c.EndedAt - c.StartedAt < TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAsync<CampaignException>(() => campaign.ResumeAsync());
        await Assert.ThrowsAsync<CampaignException>(() => campaign.StartAsync());
    }

    [Fact]
    public async Task Repeated_provider_events_are_reported_once()
    {
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Yes, tell me more.") with { RepeatEvents = true };
        var (area, ids) = await fixture.SeedAsync(20);
        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 5));
        var progress = await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);
        await Task.Delay(300);

        Assert.Equal(20, progress.Finished);
        Assert.Equal(20, (await campaign.GetProgressAsync()).Results["answered"]);
        Assert.Equal(20, (await fixture.CallsOfAsync(campaign.GetPrimaryKeyString())).Count);
        foreach (var id in ids)
        {
            var customer = await fixture.Grains.GetGrain<ICustomerGrain>(id).GetAsync();
            Assert.Single(customer!.ContactHistory);
        }
    }

    [Fact]
    public async Task A_customer_targeted_by_two_campaigns_is_never_in_two_calls_at_once()
    {
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(80), "Yes, tell me more.");
        var (area, ids) = await fixture.SeedAsync(30);
        var first = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 10));
        var second = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 10));
        await EngineFixture.WaitForStatusAsync(first, CampaignStatus.Completed);
        await EngineFixture.WaitForStatusAsync(second, CampaignStatus.Completed);

        var calls = (await fixture.CallsOfAsync(first.GetPrimaryKeyString())).Concat(await fixture.CallsOfAsync(second.GetPrimaryKeyString())).ToList();
        Assert.Equal(60, calls.Count);
        foreach (var id in ids)
        {
            Assert.Equal(1, EngineFixture.MaxOverlap(calls.Where(c => c.CustomerId == id)));
        }
    }

    [Fact]
    public async Task A_number_put_on_do_not_call_after_the_snapshot_is_never_dialled()
    {
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(100), "Yes, tell me more.");
        var (area, ids) = await fixture.SeedAsync(10);
        var blocked = (await fixture.Directory.GetAsync(ids[9]))!;
        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 1));

        await fixture.Directory.AddDoNotCallAsync([new DoNotCallEntry(blocked.Phone, "asked by letter", "test", DateTimeOffset.UtcNow)]);
        var progress = await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);

        Assert.Equal((9, 1), (progress.Finished, progress.Skipped));
        Assert.DoesNotContain(fixture.Telephony.Placed, p => p.To == blocked.Phone);
    }

    [Fact]
    public async Task A_customer_who_opts_out_is_put_on_the_do_not_call_list_during_the_call()
    {
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Please stop calling me.");
        var (area, ids) = await fixture.SeedAsync(1);
        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 1));
        await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);

        var customer = await fixture.Grains.GetGrain<ICustomerGrain>(ids[0]).GetAsync();
        Assert.True(customer!.DoNotCall);
        var call = Assert.Single(await fixture.CallsOfAsync(campaign.GetPrimaryKeyString()));
        Assert.True(call.Outcome!.OptedOut);
        Assert.Equal(FollowUpKind.LeaveAlone, call.Outcome.FollowUp.Kind);
    }

    [Fact]
    public async Task Campaigns_that_cannot_start_say_why_and_change_nothing()
    {
        var (area, _) = await fixture.SeedAsync(2);
        var empty = fixture.Grains.GetGrain<ICampaignGrain>("cmp-empty-" + Guid.NewGuid().ToString("N")[..6]);
        await empty.CreateAsync(EngineFixture.Definition("NoSuchArea" + Guid.NewGuid().ToString("N")[..6], 2));
        var error = await Assert.ThrowsAsync<CampaignException>(() => empty.StartAsync());
        Assert.Contains("audience is empty", error.Message);
        Assert.Equal(CampaignStatus.Draft, (await empty.GetAsync())!.Status);

        var grain = fixture.Grains.GetGrain<ICampaignGrain>("cmp-bad-" + Guid.NewGuid().ToString("N")[..6]);
        Assert.Equal("maxConcurrentCalls", (await Assert.ThrowsAsync<CampaignException>(() => grain.CreateAsync(EngineFixture.Definition(area, 0)))).Field);
        Assert.Equal("maxConcurrentCalls", (await Assert.ThrowsAsync<CampaignException>(() => grain.CreateAsync(EngineFixture.Definition(area, 21)))).Field);
        var unknownSegment = EngineFixture.Definition(area, 2) with { CriteriaJson = null, SegmentId = "seg-missing" };
        Assert.Equal("segmentId", (await Assert.ThrowsAsync<CampaignException>(() => grain.CreateAsync(unknownSegment))).Field);
        Assert.Null(await grain.GetAsync());

        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(5));
        var done = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 2));
        await EngineFixture.WaitForStatusAsync(done, CampaignStatus.Completed);
        Assert.True((await Assert.ThrowsAsync<CampaignException>(() => done.StartAsync())).Conflict);
        Assert.True((await Assert.ThrowsAsync<CampaignException>(() => done.CancelAsync())).Conflict);
    }
}
