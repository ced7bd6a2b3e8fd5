using Campaign.Abstractions.Campaigns;

namespace Campaign.Grains.Campaigns;

public enum CampaignOperation
{
    Start,
    Pause,
    Resume,
    Cancel,
    Complete,
    CompliancePause,
}

/// <summary>
/// Which operation a campaign allows in which status, and the status it leads to:
/// Draft | Scheduled → Running ⇄ Paused → Completed | Cancelled.
/// </summary>
public static class CampaignLifecycle
{
    public const string PausedByOperator = "operator";
    public const string PausedByCompliance = "compliance";

    public static bool Allows(CampaignStatus status, CampaignOperation operation) => operation switch
    {
        CampaignOperation.Start => status is CampaignStatus.Draft or CampaignStatus.Scheduled,
        CampaignOperation.Pause or CampaignOperation.Complete or CampaignOperation.CompliancePause => status == CampaignStatus.Running,
        CampaignOperation.Resume => status == CampaignStatus.Paused,
        CampaignOperation.Cancel => status is not (CampaignStatus.Completed or CampaignStatus.Cancelled),
        _ => false,
    };

    public static CampaignStatus Target(CampaignOperation operation) => operation switch
    {
        CampaignOperation.Start or CampaignOperation.Resume => CampaignStatus.Running,
        CampaignOperation.Pause or CampaignOperation.CompliancePause => CampaignStatus.Paused,
        CampaignOperation.Complete => CampaignStatus.Completed,
        _ => CampaignStatus.Cancelled,
    };

    /// <summary>Throws the conflict an operator sees when <paramref name="operation"/> is not allowed in <paramref name="status"/>.</summary>
    public static void Ensure(CampaignStatus status, CampaignOperation operation)
    {
        if (Allows(status, operation))
        {
            return;
        }

        var now = status.ToString().ToLowerInvariant();
        throw new CampaignException(operation switch
        {
            CampaignOperation.Start => $"the campaign is {now}; only a draft or scheduled campaign can start",
            CampaignOperation.Pause => $"only a running campaign can pause; this one is {now}",
            CampaignOperation.Resume => $"only a paused campaign can resume; this one is {now}",
            CampaignOperation.Cancel => $"the campaign is already {now}",
            _ => $"the campaign is {now}; it cannot {operation.ToString().ToLowerInvariant()}",
        }, conflict: true);
    }

    /// <summary>
    /// Moves <paramref name="campaign"/> to the status <paramref name="operation"/> leads to, with who paused it and why, and
    /// when it started or ended. The caller has checked the operation is allowed (<see cref="Ensure"/>).
    /// </summary>
    public static void Apply(CampaignState campaign, CampaignOperation operation, DateTimeOffset now, string? reason = null)
    {
        campaign.Status = Target(operation);
        switch (operation)
        {
            case CampaignOperation.Start:
                campaign.StartedAt = now;
                break;
            case CampaignOperation.Pause:
                (campaign.PausedBy, campaign.PausedReason) = (PausedByOperator, null);
                break;
            case CampaignOperation.CompliancePause:
                (campaign.PausedBy, campaign.PausedReason) = (PausedByCompliance, reason);
                break;
            case CampaignOperation.Resume:
                (campaign.PausedBy, campaign.PausedReason) = (null, null);
                break;
            case CampaignOperation.Complete:
            case CampaignOperation.Cancel:
                campaign.EndedAt = now;
                break;
        }
    }
}
