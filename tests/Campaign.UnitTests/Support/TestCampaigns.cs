using Campaign.Abstractions.Campaigns;

namespace Campaign.UnitTests.Support;

/// <summary>Campaign definitions for tests of the campaign's parts.</summary>
public static class TestCampaigns
{
    public static CampaignDefinition Definition(int maxConcurrentCalls = 10, CallTiming timing = CallTiming.Asap) =>
        new("c", null, null, "s", [], maxConcurrentCalls, null, RetryPolicy.Default, VoicemailPolicy.Default, Timing: timing);
}
