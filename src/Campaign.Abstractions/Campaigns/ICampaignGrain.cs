using Campaign.Abstractions.Calls;
using Orleans.Concurrency;

namespace Campaign.Abstractions.Campaigns;

/// <summary>One campaign: its definition, its state machine and the dialer that feeds its calls.</summary>
[Alias("Campaign.ICampaignGrain")]
public interface ICampaignGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<CampaignInfo> CreateAsync(CampaignDefinition definition);

    [Alias("Get")]
    Task<CampaignInfo?> GetAsync();

    /// <summary>Snapshots the audience and starts dialling. Throws <see cref="CampaignException"/> when it cannot start.</summary>
    /// <remarks>
    /// The answer waits for the snapshot, which for a large audience on Azure Tables takes longer than Orleans' default
    /// 30 s: a shorter wait would report a failure while the campaign goes on starting.
    /// </remarks>
    [Alias("Start")]
    [ResponseTimeout("00:10:00")]
    Task<CampaignInfo> StartAsync();

    /// <summary>Stops new dials; live calls finish.</summary>
    [Alias("Pause")]
    Task<CampaignInfo> PauseAsync();

    [Alias("Resume")]
    Task<CampaignInfo> ResumeAsync();

    /// <summary>Stops new dials and hangs up live calls.</summary>
    [Alias("Cancel")]
    Task<CampaignInfo> CancelAsync();

    [Alias("GetProgress")]
    Task<CampaignProgress> GetProgressAsync();

    /// <summary>A call of this campaign ended. Reporting the same call again changes nothing.</summary>
    [Alias("OnCallEnded")]
    Task OnCallEndedAsync(CallReport report);

    /// <summary>A live call of this campaign changed state (dialling, ringing, answered, voicemail); observers hear of it.</summary>
    [OneWay]
    [AlwaysInterleave]
    [Alias("OnCallProgress")]
    Task OnCallProgressAsync(CallProgress progress);

    /// <summary>The calls placed and not yet ended, oldest first, paged; null when the campaign does not exist.</summary>
    [Alias("GetLiveCalls")]
    Task<LiveCallPage?> GetLiveCallsAsync(int skip, int take);

    /// <summary>The campaign, its progress, its statistics and a page of its live calls in one call; null when it does not exist.</summary>
    [Alias("GetView")]
    Task<CampaignView?> GetViewAsync(CampaignViewRequest request);

    /// <summary>Calls of this campaign were redacted (an erasure): the statistics are counted again from the store.</summary>
    [Alias("RecountOutcomes")]
    Task RecountOutcomesAsync();

    /// <summary>What happens next: the first <paramref name="limit"/> customers still to call, earliest first, each with why and until when it waits.</summary>
    [Alias("GetPending")]
    Task<IReadOnlyList<PendingCall>> GetPendingAsync(int limit);

    /// <summary>Subscribes or renews an observer; a subscription not renewed within the campaign's observer expiry lapses.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(ICampaignObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(ICampaignObserver observer);
}
