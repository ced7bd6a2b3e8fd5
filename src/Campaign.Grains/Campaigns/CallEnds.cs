using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Microsoft.Extensions.Logging;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// What settles a work item once its attempt is over, whether a call ended or nothing was dialled, and frees the
/// attempt's line for the next dial.
/// </summary>
public sealed class CallEnds(
    CampaignRecord campaign,
    CampaignWorkList work,
    CallsInFlight inFlight,
    CampaignStatistics statistics,
    AbandonGuard abandons,
    CampaignTiming timing,
    CampaignExperiment experiment,
    AnswerForecasts forecasts,
    LinePace pace,
    TrunkLines lines,
    TimeProvider clock,
    ILogger logger,
    Action requestDispatch)
{
    /// <summary>A call ended: the retry policy settles its item, and the call counts in the statistics and the abandoned-call rate.</summary>
    public async Task EndedAsync(CallReport report)
    {
        var state = campaign.State;
        var settlement = await LearnedRetryAsync(report, RetryPlanner.AfterCall(report, state.Definition?.RetryPolicy ?? RetryPolicy.Default,
            state.Status == CampaignStatus.Cancelled, clock.GetUtcNow()));
        var settled = false;
        statistics.Settling(report.CallId);
        try
        {
            settled = await work.SettleAsync(report.Seq, report.CallId, settlement);
        }
        finally
        {
            if (!settled)
            {
                statistics.NotSettled(report.CallId);
            }
        }

        if (settled)
        {
            statistics.CountSettled(CallFacts.Of(report));
            if (experiment.Count(report) | forecasts.Count(report))
            {
                await campaign.WriteAsync();
            }
        }

        if (settled && report.Result == CallResult.Answered)
        {
            // Before the line is freed for the next dial: a campaign over the limit dials no one else.
            await abandons.CountAnsweredAsync(report.Abandoned, report.FirstAudioMs);
        }

        if (inFlight.Remove(report.CallId, out var since))
        {
            pace.Observe(clock.GetUtcNow() - since);
        }

        campaign.Changed();
        await GiveBackAsync(report.CallId);
    }

    /// <summary>Nothing was dialled for the attempt: its item is settled and its trunk line given back.</summary>
    public async Task WithoutCallAsync(WorkItem item, string callId, Settlement settlement)
    {
        await work.SettleAsync(item.Seq, callId, settlement);
        inFlight.Remove(callId);
        campaign.Changed();
        await GiveBackAsync(callId);
    }

    /// <summary>
    /// The attempt's trunk line goes back with the next pass's lease, and the pass is asked for; a campaign that no
    /// longer runs (paused, cancelled) may have no pass to come, so it gives the line back now.
    /// </summary>
    private async Task GiveBackAsync(string callId)
    {
        lines.Ended(callId);
        if (campaign.IsRunning)
        {
            requestDispatch();
        }
        else
        {
            await lines.GiveBackAsync();
        }
    }

    /// <summary>With learned timing, a retry after nobody answered falls at the customer's next good hour instead.</summary>
    private async Task<Settlement> LearnedRetryAsync(CallReport report, Settlement settlement)
    {
        if (campaign.State.Definition is not { Timing: CallTiming.Learned } definition || settlement.DueAt is not { } earliest
            || report.Result is not (CallResult.NoAnswer or CallResult.Voicemail) || report.CustomerId is null)
        {
            return settlement;
        }

        try
        {
            return settlement with { DueAt = await timing.RetryAtAsync(report.CustomerId, definition, earliest) };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CampaignLog.TimingFailed(logger, campaign.Id, report.CustomerId, ex.Message);
            return settlement;
        }
    }
}
