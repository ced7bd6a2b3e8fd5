using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Insights;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Compliance;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// Due customers in the order learned timing calls them, those it holds for a better hour, and the estimated chance
/// that each called now answers (by work item; none for a customer with no estimate).
/// </summary>
public sealed record TimedDue(IReadOnlyList<WorkItem> CallNow, IReadOnlyList<(WorkItem Item, DateTimeOffset Until)> Held, IReadOnlyDictionary<long, double> Chances);

/// <summary>
/// A learned-timing campaign's use of each customer's <see cref="AnswerPropensity"/> (their own attempts in their
/// local time, shrunk toward their area's and everyone's): the order of due customers, holds, and retry times, all
/// within the customer's lawful calling hours and the campaign's window (<see cref="LearnedTiming"/>).
/// </summary>
public sealed class CampaignTiming(ICustomerDirectory customers, IAnswerTimingPriors priors, CallingHours callingHours, CustomerLocator locator)
{
    /// <summary>How many customers' histories are read at once.</summary>
    private const int Parallel = 8;

    /// <summary>The result recorded on an item held back for a better hour.</summary>
    public const string Held = "heldForBetterTime";

    /// <summary>
    /// Ranks <paramref name="due"/> and holds those likely out, booking each hold in <paramref name="holds"/> (when
    /// given) so that no hour is held more customers than <paramref name="heldPerHour"/>.
    /// </summary>
    public async Task<TimedDue> SortAsync(
        IReadOnlyList<WorkItem> due, CampaignDefinition campaign, DateTimeOffset now, HoldBook? holds = null, int heldPerHour = int.MaxValue, CancellationToken cancellationToken = default)
    {
        var estimates = new (AnswerPropensity? Estimate, TimeZoneInfo Zone, Func<DateTimeOffset, bool> IsOpen)[due.Count];
        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, due.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = cancellationToken }, async (i, token) =>
            estimates[i] = await EstimateAsync(due[i].CustomerId, due[i].TimeZone, campaign, token));

        // The customers who gain most from waiting (the lowest chance now against their best) book the hours first.
        holds?.Forget(now);
        var advice = new List<(WorkItem Item, TimingAdvice Advice)>(due.Count);
        var unbooked = Enumerable.Range(0, due.Count).Select(i => (Index: i, Advice: Advise(estimates[i], campaign, now, null))).OrderBy(a => a.Advice.Priority);
        foreach (var (i, first) in unbooked)
        {
            var itemAdvice = first.CallNow || holds is null ? first : Advise(estimates[i], campaign, now, at => holds.HasRoom(at, heldPerHour));
            if (itemAdvice.HoldUntil is { } until)
            {
                holds?.Book(until);
            }

            advice.Add((due[i], itemAdvice));
        }

        var callNow = advice.Where(a => a.Advice.CallNow).OrderByDescending(a => a.Advice.Priority).Select(a => a.Item).ToList();
        var held = advice.Where(a => !a.Advice.CallNow).Select(a => (a.Item, a.Advice.HoldUntil!.Value)).ToList();
        var chances = advice.Where(a => a.Advice is { CallNow: true, Chance: not null }).ToDictionary(a => a.Item.Seq, a => a.Advice.Chance!.Value);
        return new TimedDue(callNow, held, chances);
    }

    /// <summary>
    /// When to try a customer again after an unanswered attempt: their next good hour from <paramref name="earliest"/>
    /// on, in the place their profile puts them; <paramref name="earliest"/> when they cannot be placed.
    /// </summary>
    public async Task<DateTimeOffset> RetryAtAsync(string customerId, CampaignDefinition campaign, DateTimeOffset earliest, CancellationToken cancellationToken = default)
    {
        var (estimate, zone, isOpen) = await EstimateAsync(customerId, null, campaign, cancellationToken);
        return estimate is null ? earliest : LearnedTiming.NextGoodHour(estimate, zone, earliest, MaxHold(campaign), isOpen);
    }

    private static TimingAdvice Advise(
        (AnswerPropensity? Estimate, TimeZoneInfo Zone, Func<DateTimeOffset, bool> IsOpen) estimate, CampaignDefinition campaign, DateTimeOffset now, Func<DateTimeOffset, bool>? hasRoom) =>
        estimate.Estimate is null
            ? new TimingAdvice(true, 0, null)
            : LearnedTiming.Advise(estimate.Estimate, estimate.Zone, now, MaxHold(campaign), estimate.IsOpen, hasRoom);

    private static TimeSpan MaxHold(CampaignDefinition campaign) => campaign.MaxHold ?? CampaignDefinition.DefaultMaxHold;

    private async Task<(AnswerPropensity? Estimate, TimeZoneInfo Zone, Func<DateTimeOffset, bool> IsOpen)> EstimateAsync(
        string customerId, string? placeKey, CampaignDefinition campaign, CancellationToken cancellationToken)
    {
        var profile = await customers.GetAsync(customerId, cancellationToken);
        var place = placeKey is not null ? CallingPlace.Parse(placeKey) : profile is not null ? locator.Locate(profile) : null;
        if (place is not { IsKnown: true } || !TimeZoneInfo.TryFindSystemTimeZoneById(place.Zones[0], out var zone))
        {
            return (null, TimeZoneInfo.Utc, _ => false);
        }

        var history = await customers.GetContactHistoryAsync(customerId, cancellationToken);
        var prior = await priors.PriorAsync(profile?.Area, cancellationToken);
        return (AnswerPropensity.ForCustomer(history, zone, prior), zone, at => callingHours.IsOpen(place, at, campaign.CallingWindow));
    }
}
