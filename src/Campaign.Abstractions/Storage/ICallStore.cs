using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Insights;

namespace Campaign.Abstractions.Storage;

/// <summary>Finished calls: their record, transcript and outcome, queryable per campaign.</summary>
public interface ICallStore
{
    /// <summary>Stores the record; storing the same call again replaces it.</summary>
    Task SaveAsync(CallRecord record, CancellationToken cancellationToken = default);

    Task<CallRecord?> GetAsync(string callId, CancellationToken cancellationToken = default);

    /// <summary>Whether the call is stored, without reading its record; stores answer it from their id index.</summary>
    async Task<bool> ExistsAsync(string callId, CancellationToken cancellationToken = default) =>
        await GetAsync(callId, cancellationToken) is not null;

    /// <summary>Calls that ended before <paramref name="cutoff"/> and still hold a transcript, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<string>> WithTranscriptEndedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes what a call record says about its person (transcript, outcome, summary, note, the number and words of its
    /// texts), keeping when and how the call went so campaign counts stay true. False when there is no such call.
    /// </summary>
    async Task<bool> RedactAsync(string callId, string note, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(callId, cancellationToken) is not { } record)
        {
            return false;
        }

        var texts = record.Texts?.Select(t => t with { To = "", Body = null }).ToList();
        await SaveAsync(record with { Transcript = [], Outcome = null, Note = note, Texts = texts }, cancellationToken);
        return true;
    }

    Task<CallPage> ListAsync(string campaignId, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>
    /// The calls of a campaign the filter matches, newest first, paged; <see cref="CallPage.Total"/> counts every match.
    /// The default reads every call of the campaign; stores that can filter on their side should.
    /// </summary>
    async Task<CallPage> ListAsync(string campaignId, CallFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        if (filter.IsEmpty)
        {
            return await ListAsync(campaignId, skip, take, cancellationToken);
        }

        var matching = (await ListAsync(campaignId, 0, int.MaxValue, cancellationToken)).Items.Where(filter.Matches).ToList();
        return new CallPage(matching.Count, matching.Skip(Math.Max(0, skip)).Take(Math.Max(0, take)).ToList());
    }

    /// <summary>
    /// Adds up the campaign's stored calls, leaving out <paramref name="excluding"/> (calls whose end the campaign has
    /// yet to count); concern quotes come from the latest calls.
    /// </summary>
    Task<CampaignTally> TallyAsync(string campaignId, IReadOnlySet<string> excluding, CancellationToken cancellationToken = default);

    /// <summary>Outcomes by segment, top concerns, follow-ups and answer rate by local weekday (rows, Monday first) × hour (columns).</summary>
    async Task<CampaignOutcomeStats> OutcomeStatsAsync(string campaignId, int topConcerns = 10, CancellationToken cancellationToken = default) =>
        (await TallyAsync(campaignId, new HashSet<string>(), cancellationToken)).Stats(topConcerns);

    /// <summary>
    /// Follow-ups to do: for each customer of the campaign, their latest answered call, when it asked for more
    /// information, a callback or to be left alone; latest first.
    /// The default reads every call of the campaign; stores that can filter on their side should.
    /// </summary>
    async Task<IReadOnlyList<CallRecord>> FollowUpsAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        var all = await ListAsync(campaignId, 0, int.MaxValue, cancellationToken);
        return all.Items
            .Where(c => c.Result == CallResult.Answered)
            .GroupBy(c => c.CustomerId)
            .Select(g => g.OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id, StringComparer.Ordinal).First())
            .Where(c => c.Outcome?.FollowUp.Kind is FollowUpKind.MoreInfo or FollowUpKind.Callback or FollowUpKind.LeaveAlone)
            .OrderByDescending(c => c.EndedAt)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Calls of every campaign that started at or after <paramref name="from"/> and before <paramref name="until"/>
    /// (either may be left out; calls never started are left out), as insights read them: the store's columns only,
    /// streamed, never a record or a transcript.
    /// </summary>
    IAsyncEnumerable<InsightCall> InsightCallsAsync(DateTimeOffset? from, DateTimeOffset? until, CancellationToken cancellationToken = default);

    /// <summary>Calls of a campaign started since <paramref name="since"/>, and the minutes of talk of those answered.</summary>
    Task<(int Calls, double Minutes)> UsageSinceAsync(string campaignId, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Number of calls of a campaign by result.</summary>
    async Task<IReadOnlyDictionary<string, int>> CountByResultAsync(string campaignId, CancellationToken cancellationToken = default) =>
        (await TallyAsync(campaignId, new HashSet<string>(), cancellationToken)).Results;
}

public sealed record CallPage(int Total, IReadOnlyList<CallRecord> Items);
