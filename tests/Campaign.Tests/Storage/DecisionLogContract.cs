using Campaign.Abstractions.Compliance;
using Campaign.Abstractions.Storage;

namespace Campaign.Tests.Storage;

/// <summary>What every decision log does; each store runs it through a subclass.</summary>
public abstract class DecisionLogContract
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);
    private readonly string _campaign = "camp-" + Guid.NewGuid().ToString("N")[..8];
    private IDecisionLog? _log;

    private IDecisionLog Log => _log ??= CreateLog();

    protected abstract IDecisionLog CreateLog();

    private DialDecision Decision(string customer, int minutes, DialDecisionKind kind, string rule = "callingHours", string? campaign = null) =>
        new(Start.AddMinutes(minutes), campaign ?? _campaign, customer, kind == DialDecisionKind.Call ? $"call-{customer}-{minutes}" : null, kind,
            [new(rule, $"{rule} detail, with \"quotes\" and a comma")], "America/New_York",
            Start.AddMinutes(minutes).ToOffset(TimeSpan.FromHours(-5)), "US-NY");

    [Fact]
    public async Task Decisions_read_back_whole_newest_first_by_customer_across_campaigns()
    {
        var customer = "cust/" + Guid.NewGuid().ToString("N")[..6] + "#1";
        var first = Decision(customer, 0, DialDecisionKind.Wait);
        var second = Decision(customer, 5, DialDecisionKind.Call, "doNotCall", campaign: _campaign + "-other");
        await Log.AppendAsync(first);
        await Log.AppendAsync(second);

        var page = await Log.ForCustomerAsync(customer, 0, 10);

        Assert.Equal(2, page.Total);
        Assert.Equal([second.At, first.At], page.Items.Select(d => d.At));
        var read = page.Items[0];
        Assert.Equal((second.CampaignId, second.CallId, second.Decision, second.Zone, second.LocalTime, second.Jurisdiction),
            (read.CampaignId, read.CallId, read.Decision, read.Zone, read.LocalTime, read.Jurisdiction));
        Assert.Equal(second.Reasons, read.Reasons);
        Assert.Equal(TimeSpan.FromHours(-5), read.LocalTime!.Value.Offset);
    }

    [Fact]
    public async Task A_campaigns_decisions_filter_by_kind_and_page()
    {
        for (var i = 0; i < 5; i++)
        {
            await Log.AppendAsync(Decision($"c{i}", i, i % 2 == 0 ? DialDecisionKind.Skip : DialDecisionKind.Call, "consent"));
        }

        var skips = await Log.ForCampaignAsync(_campaign, DialDecisionKind.Skip, 0, 2);
        var rest = await Log.ForCampaignAsync(_campaign, DialDecisionKind.Skip, 2, 2);
        var all = await Log.ForCampaignAsync(_campaign, null, 0, 100);

        Assert.Equal(3, skips.Total);
        Assert.Equal(["c4", "c2"], skips.Items.Select(d => d.CustomerId));
        Assert.Equal(["c0"], rest.Items.Select(d => d.CustomerId));
        Assert.Equal(5, all.Total);
        Assert.Empty((await Log.ForCampaignAsync(_campaign, DialDecisionKind.Wait, 0, 10)).Items);
    }

    [Fact]
    public async Task Decisions_older_than_the_retention_are_deleted_and_newer_ones_kept()
    {
        var customer = "old-" + Guid.NewGuid().ToString("N")[..6];
        await Log.AppendAsync(Decision(customer, -60 * 24 * 400, DialDecisionKind.Call));
        await Log.AppendAsync(Decision(customer, 0, DialDecisionKind.Call));

        await Log.DeleteOlderThanAsync(Start.AddDays(-365));

        var left = await Log.ForCustomerAsync(customer, 0, 10);
        Assert.Equal([Start], left.Items.Select(d => d.At));
        Assert.Equal(1, (await Log.ForCampaignAsync(_campaign, null, 0, 10)).Total);
    }
}
