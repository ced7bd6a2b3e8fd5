using Microsoft.Extensions.Logging;

namespace Campaign.Grains.Campaigns;

/// <summary>The per-activation parts a campaign grain carries its work out with.</summary>
public sealed record CampaignParts(
    CampaignRecord Campaign,
    CampaignObservers Observers,
    CampaignWorkList WorkList,
    CampaignStarter Starter,
    DialQueue Queue,
    CallsInFlight InFlight,
    CallSweep Sweep,
    TrunkLines Lines,
    CallEnds Ends,
    CampaignDispatcher Dispatcher,
    DispatchLoop Loop,
    CampaignReadModel ReadModel,
    CampaignOptions Options,
    TimeProvider Clock,
    ILogger Logger);
