using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Campaigns;
using Campaign.Grains.Compliance;

namespace Campaign.Host.Ui;

/// <summary>
/// What pressing Start on a draft or scheduled campaign would do now: <see cref="Audience"/> people called (the same
/// projection as the campaign list's "(now)", do-not-call numbers never counted), of whom <see cref="OutsideHours"/>
/// are outside their calling hours at this moment (they wait for them) and <see cref="UnknownZone"/> have no time zone
/// that can be known (never called); <see cref="DoNotCall"/> more match the audience but are on the do-not-call list.
/// Calling hours are judged for audiences up to <see cref="MaxChecked"/> people (<see cref="HoursChecked"/>); larger
/// ones are judged as each customer comes up. Null audience: the campaign's segment is gone.
/// </summary>
public sealed record StartPreview(int? Audience, int DoNotCall, int OutsideHours, int UnknownZone, bool HoursChecked)
{
    public const int MaxChecked = 5000;
    private const int Page = 500;

    public int CallableNow => Math.Max(0, (Audience ?? 0) - OutsideHours - UnknownZone);

    /// <summary>The people the campaign would call if started now, or null when its audience cannot be resolved.</summary>
    public static async Task<int?> ProjectedAudienceAsync(CampaignInfo info, ICustomerDirectory directory, AudienceResolver audiences, CancellationToken cancellationToken) =>
        await CriteriaAsync(info, audiences) is { } criteria ? await directory.CountAsync(criteria, cancellationToken) : null;

    public static async Task<StartPreview> LoadAsync(
        CampaignInfo info,
        ICustomerDirectory directory,
        AudienceResolver audiences,
        CustomerLocator locator,
        CallingHours hours,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (await CriteriaAsync(info, audiences) is not { } criteria)
        {
            return new StartPreview(null, 0, 0, 0, false);
        }

        var audience = await directory.CountAsync(criteria, cancellationToken);
        var withDoNotCall = (await directory.QueryAsync(criteria, 0, 1, includeDoNotCall: true, cancellationToken)).Total;
        if (audience > MaxChecked)
        {
            return new StartPreview(audience, Math.Max(0, withDoNotCall - audience), 0, 0, false);
        }

        var (outside, unknown) = (0, 0);
        for (var skip = 0; skip < audience; skip += Page)
        {
            var page = await directory.QueryAsync(criteria, skip, Page, includeDoNotCall: false, cancellationToken);
            foreach (var customer in page.Items)
            {
                var place = locator.Locate(customer.TimeZone, customer.Phone, customer.Area);
                if (!place.IsKnown)
                {
                    unknown++;
                }
                else if (!hours.IsOpen(place, now, info.Definition.CallingWindow))
                {
                    outside++;
                }
            }

            if (page.Items.Count < Page)
            {
                break;
            }
        }

        return new StartPreview(audience, Math.Max(0, withDoNotCall - audience), outside, unknown, true);
    }

    /// <summary>"This will call 9 people now (3 more are outside their calling hours …; 2 on the do-not-call list are left out)."</summary>
    public string Describe()
    {
        if (Audience is not { } audience)
        {
            return "The campaign's audience cannot be found (its segment was deleted), so it cannot start.";
        }

        if (audience == 0)
        {
            return "Nobody matches the audience now" + (DoNotCall > 0 ? $" ({People(DoNotCall)} on the do-not-call list {(DoNotCall == 1 ? "is" : "are")} left out)" : "") + ", so it cannot start.";
        }

        var notes = new List<string>();
        if (OutsideHours > 0)
        {
            notes.Add($"{OutsideHours:N0} more {(OutsideHours == 1 ? "is" : "are")} outside their calling hours and will be called when those open");
        }

        if (UnknownZone > 0)
        {
            notes.Add($"{UnknownZone:N0} more {(UnknownZone == 1 ? "has" : "have")} no time zone that can be known and will not be called");
        }

        if (!HoursChecked)
        {
            notes.Add("calling hours are checked as each customer comes up");
        }

        if (DoNotCall > 0)
        {
            notes.Add($"{DoNotCall:N0} on the do-not-call list {(DoNotCall == 1 ? "is" : "are")} left out");
        }

        var now = HoursChecked ? CallableNow : audience;
        return $"This will call {People(now)} now" + (notes.Count == 0 ? "." : $" ({string.Join("; ", notes)}).");
    }

    private static string People(int count) => count == 1 ? "1 person" : $"{count:N0} people";

    private static async Task<SegmentCriteria?> CriteriaAsync(CampaignInfo info, AudienceResolver audiences)
    {
        try
        {
            var parts = await audiences.ResolveAsync(info.Definition);
            return new AnyCriteria(parts.Select(p => p.Criteria).ToList());
        }
        catch (CampaignException)
        {
            return null;
        }
    }
}
