using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Compliance;

namespace Campaign.Host.Api;

/// <summary>
/// A follow-up to do: the customer, what they asked for on their latest answered call and, for a callback, when,
/// both as an instant and in the customer's own time zone.
/// </summary>
public sealed record FollowUpResponse(
    string CustomerId,
    string? Name,
    string? Phone,
    string? Area,
    FollowUpKind Kind,
    DateTimeOffset? At,
    string? LocalAt,
    string TimeZone,
    Interest? Interest,
    string? Summary,
    string CallId,
    DateTimeOffset? CalledAt);

internal static class FollowUps
{
    public static async Task<IReadOnlyList<FollowUpResponse>> LoadAsync(
        ICallStore calls, ICustomerDirectory customers, CustomerLocator locator, string campaignId, string? campaignZone, CancellationToken cancellationToken)
    {
        var result = new List<FollowUpResponse>();
        foreach (var call in await calls.FollowUpsAsync(campaignId, cancellationToken))
        {
            var customer = await customers.GetAsync(call.CustomerId, cancellationToken);
            var zone = locator.DisplayZone(customer, campaignZone);
            var followUp = call.Outcome!.FollowUp;
            var localAt = followUp.At is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm") : null;
            result.Add(new FollowUpResponse(call.CustomerId, customer?.Name, customer?.Phone, customer?.Area, followUp.Kind, followUp.At,
                localAt, zone.Id, call.Outcome.Interest, call.Outcome.Summary, call.Id, call.EndedAt ?? call.StartedAt));
        }

        return result;
    }
}
