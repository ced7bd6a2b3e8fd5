using Campaign.Abstractions.Storage;
using Campaign.Grains.Calls;
using Campaign.Grains.Compliance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Campaign.Grains.Campaigns;

/// <summary>Builds a campaign activation's parts from the engine's shared services.</summary>
public sealed class CampaignPartsFactory(
    IWorkListStore workLists,
    ICallStore calls,
    IDecisionLog decisions,
    AudienceResolver audiences,
    CampaignScripts scripts,
    CallingHours callingHours,
    CustomerLocator locator,
    IOptions<CampaignOptions> options,
    IOptions<CallOptions> callOptions,
    IOptions<ComplianceOptions> compliance,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock,
    ILogger<CampaignGrain> logger,
    DialGate gate,
    CampaignTiming timing)
{
    /// <param name="dispatchOnce">One dispatch pass, with what it leaves the grain to do carried out.</param>
    public CampaignParts Create(string id, IPersistentState<CampaignState> state, IGrainFactory grains, Func<Task> dispatchOnce)
    {
        var observers = new CampaignObservers(id, options.Value.ObserverExpiry, logger);
        var campaign = new CampaignRecord(id, state, grains, observers);
        var places = new OpenPlaces(callingHours);
        bool IsOpen(string place, DateTimeOffset now) => places.IsOpen(place, now, campaign.Definition.CallingWindow);

        var work = new CampaignWorkList(workLists, id);
        var statistics = new CampaignStatistics(
            async () => (await work.InCallAsync()).Select(i => i.CallId!).ToHashSet(StringComparer.Ordinal),
            inProgress => calls.TallyAsync(id, inProgress));
        var inFlight = new CallsInFlight(id, grains, logger);
        var forecasts = new AnswerForecasts(campaign);
        var pace = new LinePace(options.Value.HeldCallsPerLineHour, options.Value.HoldBookHours);
        var queue = new DialQueue(id, work, timing, IsOpen, clock, logger, forecasts, pace);
        var abandons = new AbandonGuard(campaign, AbandonRule.From(compliance.Value), queue, clock, logger);
        // A call's end asks the loop for a pass, and the loop's recovery settles call ends: the loop is made last.
        DispatchLoop? loop = null;
        var experiment = new CampaignExperiment(campaign, calls, clock, logger);
        var lines = new TrunkLines(id, grains);
        var ends = new CallEnds(campaign, work, inFlight, statistics, abandons, timing, experiment, forecasts, pace, lines, clock, logger, () => loop!.Request());
        var attempts = new CallAttempts(campaign, ends, inFlight, new RetryPlanner(options.Value), experiment, grains, callOptions.Value.MaxDuration, clock, logger);
        var recovery = new CallRecovery(work, inFlight, ends, lines, grains, clock);
        loop = new DispatchLoop(id, recovery.RecoverAsync, dispatchOnce, () => campaign.IsRunning, logger);
        var budget = new CampaignBudget(id, calls, inFlight, callingHours, clock);
        var starter = new CampaignStarter(campaign, work, new CampaignValidator(grains, audiences, scripts), audiences, scripts, locator,
            new SkippedAtStart(workLists, decisions, callingHours), clock);
        return new CampaignParts(
            campaign,
            observers,
            work,
            starter,
            queue,
            inFlight,
            new CallSweep(callOptions.Value.WatchdogPeriod, TimeProvider.System),
            lines,
            ends,
            new CampaignDispatcher(campaign, work, queue, inFlight, budget, attempts, gate, lines, clock),
            loop,
            new CampaignReadModel(campaign, work, statistics, inFlight, experiment, IsOpen, clock),
            options.Value,
            clock,
            logger);
    }
}
