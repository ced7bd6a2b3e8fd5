using System.Collections.Concurrent;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Compliance;
using Campaign.Tests.Support;

namespace Campaign.Tests.Grains;

/// <summary>Every dial is preceded by a recorded decision, and the rules that skip or hold a customer are on record with the reasons.</summary>
public class DialDecisionTests(DialDecisionTests.Fixture fixture) : IClassFixture<DialDecisionTests.Fixture>
{
    /// <summary>Attempt limits raised well above the state caps, so that only the law of Florida can hold a Florida customer back.</summary>
    public sealed class Fixture : EngineFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
        {
            ["Compliance:MaxAttemptsPerCustomerPerDay"] = "10",
            ["Compliance:MaxAttemptsPerCustomerPerWeek"] = "20",
        };
    }

    [Fact]
    public async Task A_customer_without_consent_is_skipped_with_the_reason_and_every_call_was_decided_before_it_was_dialled()
    {
        var area = "D" + Guid.NewGuid().ToString("N")[..8];
        var line = Random.Shared.Next(1000, 9999);
        await fixture.Directory.UpsertAsync(
        [
            TestCustomers.Profile($"{area}-1", $"+1212555{line}", area),
            TestCustomers.Profile($"{area}-2", $"+1718555{line}", area),
            TestCustomers.Profile($"{area}-3", $"+1646555{line}", area) with { Consent = null },
        ]);
        var decidedBeforeDial = new ConcurrentDictionary<string, bool>();
        fixture.Telephony.Behavior = request =>
        {
            // Runs inside the dial: the decision for this very call must already be on record.
            var recorded = fixture.Decisions.ForCustomerAsync(request.CustomerId, 0, 50).GetAwaiter().GetResult();
            decidedBeforeDial[request.CallId] = recorded.Items.Any(d => d.CallId == request.CallId && d.Decision == DialDecisionKind.Call);
            return CallScript.Answer(TimeSpan.FromMilliseconds(10), "Yes, tell me more.");
        };
        fixture.Clock.Set(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero)); // 10:00 in New York

        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 3));
        var done = await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);

        Assert.Equal((2, 1), (done.Finished, done.Skipped));
        Assert.Equal(new Dictionary<string, int> { ["consent"] = 1 }, done.SkippedByReason);
        var placed = fixture.Telephony.Placed.Where(p => p.CustomerId.StartsWith(area, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{area}-1", $"{area}-2"], placed.Select(p => p.CustomerId).Order());
        Assert.All(placed, p => Assert.True(decidedBeforeDial[p.CallId], $"no decision was on record when {p.CallId} was dialled"));

        var id = campaign.GetPrimaryKeyString();
        var skip = Assert.Single((await fixture.Decisions.ForCampaignAsync(id, DialDecisionKind.Skip, 0, 50)).Items);
        Assert.Equal(($"{area}-3", "consent"), (skip.CustomerId, skip.Reasons.Single().Rule));
        Assert.Contains("none is on record", skip.Reasons[0].Detail);
        var calls = (await fixture.Decisions.ForCampaignAsync(id, DialDecisionKind.Call, 0, 50)).Items;
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal(("America/New_York", "US-NY"), (c.Zone, c.Jurisdiction)));
        Assert.All(calls, c => Assert.Equal(10, c.LocalTime!.Value.Hour));
        Assert.Equal(3, (await fixture.Decisions.ForCampaignAsync(id, null, 0, 50)).Total);
    }

    [Fact]
    public async Task Florida_allows_three_calls_in_24_hours_counted_across_campaigns()
    {
        var area = "F" + Guid.NewGuid().ToString("N")[..8];
        var line = Random.Shared.Next(1000, 9999);
        var florida = $"{area}-fl";
        var newYork = $"{area}-ny";
        await fixture.Directory.UpsertAsync(
        [
            TestCustomers.Profile(florida, $"+1305555{line}", area) with { TimeZone = null },
            TestCustomers.Profile(newYork, $"+1212556{line}", area) with { TimeZone = null },
        ]);
        fixture.Telephony.Behavior = _ => CallScript.NotAnswered(CallEndReason.NoAnswer);
        fixture.Clock.Set(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero)); // 10:00 in Miami and New York
        var quick = TimeSpan.FromMilliseconds(10);

        // The first campaign tries each of them three times: as many as Florida allows in a day.
        var first = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 2, new RetryPolicy(3, quick, quick, quick, quick)));
        await EngineFixture.WaitForStatusAsync(first, CampaignStatus.Completed);
        Assert.Equal(3, fixture.Telephony.Placed.Count(p => p.CustomerId == florida));

        // A second campaign may still ring New York (its limit here is 10 a day) but not Florida.
        var second = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 2));
        await EngineFixture.WaitUntilAsync(async () => (await second.GetProgressAsync()).Finished == 1, "the New York customer is called again");
        var waits = await fixture.Decisions.ForCampaignAsync(second.GetPrimaryKeyString(), DialDecisionKind.Wait, 0, 50);

        Assert.Equal(3, fixture.Telephony.Placed.Count(p => p.CustomerId == florida));
        Assert.Equal(4, fixture.Telephony.Placed.Count(p => p.CustomerId == newYork));
        var wait = Assert.Single(waits.Items, d => d.CustomerId == florida);
        Assert.Equal("frequencyCap", Assert.Single(wait.Reasons).Rule);
        Assert.Contains("Florida allows 3", wait.Reasons[0].Detail);
        Assert.Equal("US-FL", wait.Jurisdiction);
        await second.CancelAsync();
    }
}
