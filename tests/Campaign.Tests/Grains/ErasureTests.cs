using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Compliance;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Segments;
using Campaign.Tests.Support;

namespace Campaign.Tests.Grains;

/// <summary>A person erased after being called: nothing they said or who they are remains anywhere in the embedded store.</summary>
public class ErasureTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task An_erased_customer_leaves_no_name_or_transcript_on_disk_and_stays_uncallable()
    {
        var area = "E" + Guid.NewGuid().ToString("N")[..8];
        const string name = "Ottoline Fairweather";
        const string said = "my pumpkin shaped meter hums at night";
        var phone = $"+1212557{Random.Shared.Next(1000, 9999)}";
        var id = $"{area}-1";
        await fixture.Directory.UpsertAsync([TestCustomers.Profile(id, phone, area) with { Name = name }]);
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), $"Yes. Also {said}.");
        fixture.Clock.Set(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero));
        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 1));
        await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);
        var callId = (await fixture.CallsOfAsync(campaign.GetPrimaryKeyString())).Single().Id;
        Assert.True(SqliteFiles.Hold(fixture.DatabasePath, said), "the transcript is not on disk before the erasure: the scan cannot see it");

        var customer = fixture.Grains.GetGrain<ICustomerGrain>(id);
        Assert.Equal(ErasureResult.Erased, await customer.EraseAsync());

        Assert.Null(await customer.GetAsync());
        var call = await fixture.Grains.GetGrain<ICallGrain>(callId).GetAsync();
        Assert.NotNull(call);
        Assert.Equal((CallResult.Answered, 0, (CallOutcome?)null), (call.Result, call.Transcript.Count, call.Outcome));
        Assert.True(await fixture.Directory.IsDoNotCallAsync(phone));
        Assert.Equal(DialDecisionKind.Call, Assert.Single((await fixture.Decisions.ForCustomerAsync(id, 0, 10)).Items).Decision);
        Assert.False(SqliteFiles.Hold(fixture.DatabasePath, name));
        Assert.False(SqliteFiles.Hold(fixture.DatabasePath, said));
        Assert.Equal(ErasureResult.NotFound, await customer.EraseAsync());

        // Imported again, the person is still on the do-not-call list: no audience holds them.
        await fixture.Directory.UpsertAsync([TestCustomers.Profile(id, phone, area) with { Name = name }]);
        Assert.Equal(0, await fixture.Directory.CountAsync(SegmentCriteriaParser.Parse($$"""{ "area": ["{{area}}"] }""")));
    }
}
