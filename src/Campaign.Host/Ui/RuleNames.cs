using Campaign.Grains.Compliance;

namespace Campaign.Host.Ui;

/// <summary>The dial rules (docs/compliance.md) in an operator's words.</summary>
public static class RuleNames
{
    public static string Describe(string rule) => rule switch
    {
        ComplianceRules.DoNotCall => "On the do-not-call list",
        ComplianceRules.Consent => "No consent for the campaign's purpose",
        ComplianceRules.TimeZoneUnknown => "Time zone unknown",
        ComplianceRules.CallingHours => "Outside legal calling hours",
        ComplianceRules.CampaignWindow => "Outside the campaign's calling window",
        ComplianceRules.FrequencyCap => "State limit of calls in 24 hours",
        ComplianceRules.AttemptLimit => "Attempt limit across campaigns",
        ComplianceRules.CustomerBusy => "In another call",
        ComplianceRules.UnknownCustomer => "Customer no longer exists",
        ComplianceRules.DailyBudget => "Daily budget spent",
        _ => rule,
    };
}
