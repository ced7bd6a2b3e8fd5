using System.Globalization;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Compliance;
using Campaign.Abstractions.Customers;
using Campaign.Grains.Compliance;
using Campaign.Tests.Support;
using Microsoft.Extensions.Options;

namespace Campaign.UnitTests;

/// <summary>The dial decision as a whole: every rule evaluated, skips outranking waits, and the reasons a regulator would read.</summary>
public class DialRulesTests
{
    private const string Miami = "+13055550100"; // Florida
    private const string Dallas = "+12145550100"; // Texas
    private const string Manhattan = "+12125550100"; // New York
    private const string Paris = "+33142685300"; // France

    private static readonly DateTimeOffset LongAgo = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Florida_at_20_30_local_waits_for_calling_hours_and_names_the_state_law()
    {
        var decision = Evaluate(Miami, "2026-11-27T01:30:00Z"); // Thursday 20:30 in Miami

        Assert.Equal((DialDecisionKind.Wait, CallStartResult.OutsideCallingHours), (decision.Decision, decision.Result));
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal("callingHours", reason.Rule);
        Assert.Contains("Florida", reason.Detail);
        Assert.Contains("501.616", reason.Detail);
        Assert.Equal(("America/New_York", "US-FL"), (decision.Zone, decision.Jurisdiction));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 20, 30, 0, TimeSpan.FromHours(-5)), decision.LocalTime);
    }

    [Theory]
    [InlineData("2026-11-29T17:00:00Z", DialDecisionKind.Wait)] // Sunday 11:00 in Dallas
    [InlineData("2026-11-29T18:30:00Z", DialDecisionKind.Call)] // Sunday 12:30
    [InlineData("2026-11-28T14:30:00Z", DialDecisionKind.Wait)] // Saturday 08:30
    [InlineData("2026-11-28T15:30:00Z", DialDecisionKind.Call)] // Saturday 09:30
    public void Texas_calls_wait_for_its_own_hours(string utc, DialDecisionKind expected)
    {
        Assert.Equal(expected, Evaluate(Dallas, utc).Decision);
    }

    [Fact]
    public void Florida_allows_three_calls_in_24_hours_whatever_the_configured_attempt_limit()
    {
        var rules = Rules(o => o.MaxAttemptsPerCustomerPerDay = 10);

        var florida = Evaluate(Miami, "2026-11-26T17:00:00Z", attempts24: 3, rules: rules);
        var newYork = Evaluate(Manhattan, "2026-11-26T17:00:00Z", attempts24: 3, rules: rules);
        var floridaThird = Evaluate(Miami, "2026-11-26T17:00:00Z", attempts24: 2, rules: rules);

        Assert.Equal((DialDecisionKind.Wait, CallStartResult.AttemptLimitReached), (florida.Decision, florida.Result));
        Assert.Equal("frequencyCap", Assert.Single(florida.Reasons).Rule);
        Assert.Contains("3 calls in the last 24 hours", florida.Reasons[0].Detail);
        Assert.Equal(DialDecisionKind.Call, newYork.Decision);
        Assert.Equal(DialDecisionKind.Call, floridaThird.Decision);
    }

    [Fact]
    public void A_customer_without_consent_is_skipped_with_the_reason()
    {
        var decision = Evaluate(Manhattan, "2026-11-26T17:00:00Z", consent: []);

        Assert.Equal((DialDecisionKind.Skip, CallStartResult.ConsentMissing), (decision.Decision, decision.Result));
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal("consent", reason.Rule);
        Assert.Contains("express consent; none is on record", reason.Detail);
    }

    [Fact]
    public void Marketing_needs_written_consent_and_informational_calls_accept_either()
    {
        ConsentRecord[] express = [new(ConsentKind.Express, null, "signup", LongAgo)];
        ConsentRecord[] written = [new(ConsentKind.ExpressWritten, "marketing", "offers form", LongAgo)];

        Assert.Equal(DialDecisionKind.Skip, Evaluate(Manhattan, "2026-11-26T17:00:00Z", consent: express, purpose: CampaignPurpose.Marketing).Decision);
        Assert.Equal(DialDecisionKind.Call, Evaluate(Manhattan, "2026-11-26T17:00:00Z", consent: written, purpose: CampaignPurpose.Marketing).Decision);
        Assert.Equal(DialDecisionKind.Call, Evaluate(Manhattan, "2026-11-26T17:00:00Z", consent: express, purpose: CampaignPurpose.Informational).Decision);

        // Written consent scoped to marketing does not cover an informational call.
        Assert.Equal(DialDecisionKind.Skip, Evaluate(Manhattan, "2026-11-26T17:00:00Z", consent: written, purpose: CampaignPurpose.Informational).Decision);
    }

    [Fact]
    public void A_revoked_consent_no_longer_counts_from_its_revocation_on()
    {
        ConsentRecord[] revoked = [new(ConsentKind.Express, null, "signup", LongAgo, new DateTimeOffset(2026, 11, 26, 16, 0, 0, TimeSpan.Zero))];

        var before = Evaluate(Manhattan, "2026-11-26T15:59:00Z", consent: revoked);
        var after = Evaluate(Manhattan, "2026-11-26T16:00:00Z", consent: revoked);

        Assert.Equal(DialDecisionKind.Call, before.Decision);
        Assert.Equal(DialDecisionKind.Skip, after.Decision);
        Assert.Contains("revoked 2026-11-26", after.Reasons.Single().Detail);
    }

    [Fact]
    public void The_relax_flag_lets_informational_calls_outside_the_US_go_without_consent_and_says_so()
    {
        var relaxed = Rules(o => o.RelaxInformationalConsentOutsideUs = true);

        var france = Evaluate(Paris, "2026-11-26T10:00:00Z", consent: [], rules: relaxed);
        var us = Evaluate(Manhattan, "2026-11-26T17:00:00Z", consent: [], rules: relaxed);
        var marketing = Evaluate(Paris, "2026-11-26T10:00:00Z", consent: [], purpose: CampaignPurpose.Marketing, rules: relaxed);
        var strict = Evaluate(Paris, "2026-11-26T10:00:00Z", consent: []);

        Assert.Equal(DialDecisionKind.Call, france.Decision);
        Assert.Contains("Compliance:RelaxInformationalConsentOutsideUs", france.Reasons.Single(r => r.Rule == "consent").Detail);
        Assert.Equal(DialDecisionKind.Skip, us.Decision);
        Assert.Equal(DialDecisionKind.Skip, marketing.Decision);
        Assert.Equal(DialDecisionKind.Skip, strict.Decision);
    }

    [Fact]
    public void A_skip_outranks_a_wait_and_every_rule_that_held_the_call_back_is_named()
    {
        var decision = Evaluate(Miami, "2026-11-27T01:30:00Z", doNotCall: true, consent: [], busy: true);

        Assert.Equal((DialDecisionKind.Skip, CallStartResult.DoNotCall), (decision.Decision, decision.Result));
        Assert.Equal(["doNotCall", "consent", "callingHours", "customerBusy"], decision.Reasons.Select(r => r.Rule));
    }

    [Fact]
    public void A_call_lists_every_rule_it_passed()
    {
        var decision = Evaluate(Miami, "2026-11-26T17:00:00Z", attempts24: 1, attempts7: 2);

        Assert.Equal((DialDecisionKind.Call, CallStartResult.Placed), (decision.Decision, decision.Result));
        Assert.Equal(["doNotCall", "consent", "callingHours", "frequencyCap", "attemptLimit"], decision.Reasons.Select(r => r.Rule));
        Assert.Contains("lawful under US, US-FL", decision.Reasons[2].Detail);
        Assert.Contains("express consent for all calls given 2020-01-01 (test import)", decision.Reasons[1].Detail);
    }

    [Fact]
    public void Outside_the_campaigns_own_window_the_call_waits_under_campaignWindow()
    {
        var window = new CallingWindow([DayOfWeek.Monday], TimeSpan.FromHours(9), TimeSpan.FromHours(17), null);

        var decision = Evaluate(Manhattan, "2026-11-26T17:00:00Z", window: window); // Thursday noon in New York

        Assert.Equal((DialDecisionKind.Wait, CallStartResult.OutsideCampaignWindow), (decision.Decision, decision.Result));
        Assert.Equal("campaignWindow", Assert.Single(decision.Reasons).Rule);
    }

    [Fact]
    public void A_customer_without_a_time_zone_is_skipped_and_one_that_does_not_exist_too()
    {
        var unknownZone = Evaluate("+80012345678", "2026-11-26T17:00:00Z");
        var missing = new DialRules(Hours(), Options.Create(new ComplianceOptions()))
            .Evaluate(new DialFacts(null, CallingPlace.Unknown([]), false, false, 0, 0, CampaignPurpose.Informational, null), Utc("2026-11-26T17:00:00Z"));

        Assert.Equal((DialDecisionKind.Skip, CallStartResult.TimeZoneUnknown), (unknownZone.Decision, unknownZone.Result));
        Assert.Equal((DialDecisionKind.Skip, CallStartResult.UnknownCustomer, "unknownCustomer"), (missing.Decision, missing.Result, missing.Reasons.Single().Rule));
    }

    private static DialEvaluation Evaluate(
        string phone,
        string utc,
        bool doNotCall = false,
        bool busy = false,
        int attempts24 = 0,
        int attempts7 = 0,
        IReadOnlyList<ConsentRecord>? consent = null,
        CampaignPurpose purpose = CampaignPurpose.Informational,
        CallingWindow? window = null,
        DialRules? rules = null)
    {
        var profile = TestCustomers.Profile("C-1", phone) with { TimeZone = null, Area = null, Consent = consent ?? [TestCustomers.Consent] };
        var place = new CustomerLocator(Options.Create(new ComplianceOptions())).Locate(profile);
        return (rules ?? Rules()).Evaluate(new DialFacts(profile, place, doNotCall, busy, attempts24, attempts7, purpose, window), Utc(utc));
    }

    private static DialRules Rules(Action<ComplianceOptions>? configure = null)
    {
        var options = new ComplianceOptions();
        configure?.Invoke(options);
        return new DialRules(new CallingHours(Options.Create(options)), Options.Create(options));
    }

    private static CallingHours Hours() => new(Options.Create(new ComplianceOptions()));

    private static DateTimeOffset Utc(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
}
