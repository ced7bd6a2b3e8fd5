using System.Diagnostics;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Compliance;
using Campaign.Abstractions.Customers;

namespace Campaign.OptOutPropagationBench;

/// <summary>What one trial saw: how long the opt-out took to reach the list, and what was dialled or allowed after it.</summary>
public sealed record TrialResult(TimeSpan ToList, TimeSpan ToFirstWord, bool ListedAtFirstWord, int DialsAfter, int CallDecisionsAfter, int RefusedAfter);

/// <summary>
/// One person in two running campaigns. Whichever campaign reaches them first hears "stop calling me"; the other keeps
/// asking to dial them. Measured: the time from the utterance until the do-not-call list holds the number (from then
/// on every dial decision refuses), and every dial and allowed dial decision after the utterance.
/// </summary>
public static class Trial
{
    private static readonly ConsentRecord Consent = new(ConsentKind.Express, null, "bench", new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static async Task<TrialResult> RunAsync(PropagationSilo silo, int index)
    {
        var area = $"Prop{index:D5}{Guid.NewGuid().ToString("N")[..6]}";
        var phone = $"+1212{300 + index / 10000 % 600:D3}{index % 10000:D4}";
        var customerId = area + "-1";
        await silo.Directory.UpsertAsync([new CustomerProfile(customerId, "Bench Customer", phone, area, null, "America/New_York", "en-US", [], new Dictionary<string, string>(), [], [Consent])]);

        var definition = new CampaignDefinition($"Propagation {area}", null, $$"""{ "area": ["{{area}}"] }""", null, [], 1, "+15550000000",
            new RetryPolicy(3, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50)),
            VoicemailPolicy.Default);
        var campaigns = new[] { silo.Grains.GetGrain<ICampaignGrain>($"prop-{area}-a"), silo.Grains.GetGrain<ICampaignGrain>($"prop-{area}-b") };
        foreach (var campaign in campaigns)
        {
            await campaign.CreateAsync(definition);
        }

        silo.Line.HoldAnswer(phone);
        await Task.WhenAll(campaigns.Select(c => c.StartAsync()));
        silo.Line.Answer(phone);
        var timing = await silo.Line.TimingFor(phone).WaitAsync(TimeSpan.FromSeconds(60));
        foreach (var campaign in campaigns)
        {
            await WaitUntilDoneAsync(campaign);
        }

        var dialsAfter = silo.Line.DialsTo(phone).Count(at => at > timing.UtteredAt);
        var decisions = (await silo.Decisions.AllForCustomerAsync(customerId)).Where(d => d.At > timing.UtteredAtEngine).ToList();
        return new TrialResult(
            Stopwatch.GetElapsedTime(0, timing.ListedAfter),
            Stopwatch.GetElapsedTime(0, timing.FirstWordAfter),
            timing.ListedAtFirstWord,
            dialsAfter,
            decisions.Count(d => d.Decision == DialDecisionKind.Call),
            decisions.Count(d => d.Decision != DialDecisionKind.Call));
    }

    private static async Task WaitUntilDoneAsync(ICampaignGrain campaign)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await campaign.GetProgressAsync()).Status is not (CampaignStatus.Completed or CampaignStatus.Cancelled))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"campaign {campaign.GetPrimaryKeyString()} did not finish");
            }

            await Task.Delay(10);
        }
    }
}
