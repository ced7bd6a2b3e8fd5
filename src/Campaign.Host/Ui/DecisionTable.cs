using Campaign.Abstractions.Compliance;

namespace Campaign.Host.Ui;

/// <summary>What the shared decisions table shows: its rows, and whether it names customers (a campaign's) or campaigns (a customer's).</summary>
public sealed record DecisionTable(
    string Id,
    IReadOnlyList<DialDecision> Items,
    bool ShowCustomer,
    string Empty,
    IReadOnlyDictionary<string, string> CampaignNames);
