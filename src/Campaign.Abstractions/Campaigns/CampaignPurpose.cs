namespace Campaign.Abstractions.Campaigns;

/// <summary>
/// Why a campaign calls, which decides the consent it needs: <see cref="Informational"/> (a service follow-up, an
/// outage check) needs prior express consent for an artificial-voice call; <see cref="Marketing"/> needs prior express
/// written consent.
/// </summary>
public enum CampaignPurpose
{
    Informational,
    Marketing,
}
