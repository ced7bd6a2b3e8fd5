using Campaign.Abstractions.Compliance;

namespace Campaign.Abstractions.Storage;

/// <summary>
/// The dial decisions, written before each dial and kept for the configured retention (five years by default), newest
/// first. An append either lands or throws: a decision that could not be written means no call.
/// </summary>
public interface IDecisionLog
{
    Task AppendAsync(DialDecision decision, CancellationToken cancellationToken = default);

    /// <summary>Every decision about one customer, across campaigns, newest first.</summary>
    Task<DecisionPage> ForCustomerAsync(string customerId, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>Every decision about one customer, newest first, read page by page.</summary>
    async Task<IReadOnlyList<DialDecision>> AllForCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        const int page = 500;
        var all = new List<DialDecision>();
        for (var skip = 0; ; skip += page)
        {
            var decided = await ForCustomerAsync(customerId, skip, page, cancellationToken);
            all.AddRange(decided.Items);
            if (decided.Items.Count < page)
            {
                return all;
            }
        }
    }

    /// <summary>A campaign's decisions, newest first; only those of one kind when <paramref name="decision"/> is given.</summary>
    Task<DecisionPage> ForCampaignAsync(string campaignId, DialDecisionKind? decision, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>Deletes the decisions made before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}

public sealed record DecisionPage(int Total, IReadOnlyList<DialDecision> Items);
