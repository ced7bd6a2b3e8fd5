using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Compliance;
using Campaign.Abstractions.Customers;
using Microsoft.Extensions.Options;

namespace Campaign.Grains.Compliance;

/// <summary>What is known about a customer at the moment of a dial, gathered by their grain.</summary>
public sealed record DialFacts(
    CustomerProfile? Profile,
    CallingPlace Place,
    bool OnDoNotCall,
    bool InAnotherCall,
    int AttemptsLast24Hours,
    int AttemptsLast7Days,
    CampaignPurpose Purpose,
    CallingWindow? Window);

/// <summary>A dial decision before it is stamped with who and when: what to do, the result for the caller, and why.</summary>
public sealed record DialEvaluation(
    DialDecisionKind Decision,
    CallStartResult Result,
    IReadOnlyList<DecisionReason> Reasons,
    string? Zone,
    DateTimeOffset? LocalTime,
    string? Jurisdiction);

/// <summary>
/// Every rule a dial must pass, evaluated together so the decision names all that held it back (or, for a call, all that
/// allowed it): a skip (the person is never called by this campaign: unknown, on the do-not-call list, no time zone, no
/// consent) outranks a wait (not now: calling hours, the campaign's window, per-person caps, another live call).
/// </summary>
public sealed class DialRules(CallingHours callingHours, IOptions<ComplianceOptions> options)
{
    public DialEvaluation Evaluate(DialFacts facts, DateTimeOffset now)
    {
        var place = facts.Place;
        if (facts.Profile is null)
        {
            return new(DialDecisionKind.Skip, CallStartResult.UnknownCustomer, [new(ComplianceRules.UnknownCustomer, "the customer does not exist")], null, null, null);
        }

        var skips = new List<(DecisionReason Reason, CallStartResult Result)>();
        var waits = new List<(DecisionReason Reason, CallStartResult Result)>();
        var passed = new List<DecisionReason>();

        if (facts.OnDoNotCall)
        {
            skips.Add((new(ComplianceRules.DoNotCall, "the number is on the do-not-call list"), CallStartResult.DoNotCall));
        }
        else
        {
            passed.Add(new(ComplianceRules.DoNotCall, "the number is not on the do-not-call list"));
        }

        var country = place.Jurisdictions.Count > 0 ? place.Jurisdictions[0] : null;
        var consent = ConsentCheck.Evaluate(facts.Profile.Consent ?? [], facts.Purpose, country, options.Value.RelaxInformationalConsentOutsideUs, now);
        if (consent.Allowed)
        {
            passed.Add(new(ComplianceRules.Consent, consent.Detail));
        }
        else
        {
            skips.Add((new(ComplianceRules.Consent, consent.Detail), CallStartResult.ConsentMissing));
        }

        var legal = callingHours.Check(place, now, window: null);
        if (!place.IsKnown)
        {
            skips.Add((new(ComplianceRules.TimeZoneUnknown, legal.Detail), CallStartResult.TimeZoneUnknown));
        }
        else if (!legal.Open)
        {
            var result = legal.Rule == ComplianceRules.TimeZoneUnknown ? CallStartResult.TimeZoneUnknown : CallStartResult.OutsideCallingHours;
            (result == CallStartResult.TimeZoneUnknown ? skips : waits).Add((new(legal.Rule, legal.Detail), result));
        }
        else
        {
            passed.Add(new(ComplianceRules.CallingHours, legal.Detail));
            if (facts.Window is not null)
            {
                var campaign = callingHours.Check(place, now, facts.Window);
                if (!campaign.Open)
                {
                    waits.Add((new(ComplianceRules.CampaignWindow, campaign.Detail), CallStartResult.OutsideCampaignWindow));
                }
            }
        }

        var cap = CallingHours.Rules(place).Where(r => r.MaxCallsPer24Hours is not null).MinBy(r => r.MaxCallsPer24Hours);
        if (cap is not null && facts.AttemptsLast24Hours >= cap.MaxCallsPer24Hours)
        {
            waits.Add((new(ComplianceRules.FrequencyCap, $"{facts.AttemptsLast24Hours} calls in the last 24 hours; {cap.Name} allows {cap.MaxCallsPer24Hours} ({cap.Citation})"), CallStartResult.AttemptLimitReached));
        }
        else if (cap is not null)
        {
            passed.Add(new(ComplianceRules.FrequencyCap, $"{facts.AttemptsLast24Hours} of {cap.MaxCallsPer24Hours} calls {cap.Name} allows in 24 hours"));
        }

        var limits = options.Value;
        if (facts.AttemptsLast24Hours >= limits.MaxAttemptsPerCustomerPerDay || facts.AttemptsLast7Days >= limits.MaxAttemptsPerCustomerPerWeek)
        {
            waits.Add((new(ComplianceRules.AttemptLimit, $"{facts.AttemptsLast24Hours} attempts in 24 hours and {facts.AttemptsLast7Days} in 7 days across all campaigns; at most {limits.MaxAttemptsPerCustomerPerDay} and {limits.MaxAttemptsPerCustomerPerWeek} are allowed"), CallStartResult.AttemptLimitReached));
        }
        else
        {
            passed.Add(new(ComplianceRules.AttemptLimit, $"{facts.AttemptsLast24Hours} of {limits.MaxAttemptsPerCustomerPerDay} attempts in 24 hours, {facts.AttemptsLast7Days} of {limits.MaxAttemptsPerCustomerPerWeek} in 7 days"));
        }

        if (facts.InAnotherCall)
        {
            waits.Add((new(ComplianceRules.CustomerBusy, "the customer is in another live call"), CallStartResult.CustomerBusy));
        }

        var (decision, outcome, reasons) = skips.Count > 0 ? (DialDecisionKind.Skip, skips[0].Result, skips.Concat(waits).Select(s => s.Reason).ToList())
            : waits.Count > 0 ? (DialDecisionKind.Wait, waits[0].Result, waits.Select(w => w.Reason).ToList())
            : (DialDecisionKind.Call, CallStartResult.Placed, passed);
        return new(decision, outcome, reasons, legal.Zone, legal.LocalTime, place.Jurisdiction);
    }
}
