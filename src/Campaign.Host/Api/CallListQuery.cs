using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Compliance;

namespace Campaign.Host.Api;

/// <summary>
/// The filters of a campaign's calls list, as the API and the admin page take them: <c>result</c>, <c>interest</c>,
/// <c>followUp</c> (the API's camelCase enum values, any case) and <c>q</c> (a customer's name, phone digits or id).
/// </summary>
public sealed record CallListQuery(string? Result, string? Interest, string? FollowUp, string? Q)
{
    /// <summary>A search finding more customers than this lists the calls of the first ones (by id) and says so.</summary>
    public const int MaxSearchCustomers = 1000;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Result) && string.IsNullOrWhiteSpace(Interest) && string.IsNullOrWhiteSpace(FollowUp) && string.IsNullOrWhiteSpace(Q);

    /// <summary>The store filter, or the problem with one of the values (and its field).</summary>
    public async Task<CallListResolution> ResolveAsync(ICustomerDirectory directory, CancellationToken cancellationToken)
    {
        if (!TryParse<CallResult>(Result, out var result))
        {
            return CallListResolution.Invalid($"result must be one of {Names<CallResult>()}", "result");
        }

        if (!TryParse<Interest>(Interest, out var interest))
        {
            return CallListResolution.Invalid($"interest must be one of {Names<Interest>()}", "interest");
        }

        if (!TryParse<FollowUpKind>(FollowUp, out var followUp))
        {
            return CallListResolution.Invalid($"followUp must be one of {Names<FollowUpKind>()}", "followUp");
        }

        HashSet<string>? customers = null;
        var truncated = false;
        if (CustomerSearch.Parse(Q) is { } search)
        {
            var found = await directory.SearchAsync(search, 0, MaxSearchCustomers, cancellationToken);
            // The text itself as an id too: calls of an erased customer are still found by the id they were made to.
            customers = new HashSet<string>(found.Items.Select(c => c.Id), StringComparer.Ordinal) { search.Text };
            truncated = found.Total > MaxSearchCustomers;
        }

        return new CallListResolution(new CallFilter(result, interest, followUp, customers), null, null, truncated);
    }

    /// <summary>The value as the API writes it ("noAnswer"), for links and selects.</summary>
    public static string Camel<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Camel));

    private static bool TryParse<T>(string? text, out T? value) where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (!trimmed.All(char.IsAsciiLetter) || !Enum.TryParse<T>(trimmed, ignoreCase: true, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }
}

public sealed record CallListResolution(CallFilter? Filter, string? Error, string? Field, bool SearchTruncated)
{
    public static CallListResolution Invalid(string error, string field) => new(null, error, field, false);
}

/// <summary>
/// A row of the calls list: the call with the customer's name and phone, and its start in the customer's own zone to
/// the minute (null when the zone cannot be known; the record's local hour is shown then).
/// </summary>
public sealed record CallListRow(CallRecord Call, string? Name, string? Phone, string? LocalStart)
{
    public static async Task<IReadOnlyList<CallListRow>> LoadAsync(
        IReadOnlyList<CallRecord> calls, ICustomerDirectory directory, CustomerLocator locator, CancellationToken cancellationToken)
    {
        var people = new Dictionary<string, CustomerProfile?>(StringComparer.Ordinal);
        var rows = new List<CallListRow>(calls.Count);
        foreach (var call in calls)
        {
            if (!people.TryGetValue(call.CustomerId, out var customer))
            {
                people[call.CustomerId] = customer = await directory.GetAsync(call.CustomerId, cancellationToken);
            }

            string? local = null;
            if (customer is not null && call.StartedAt is { } started && locator.Locate(customer) is { IsKnown: true } place
                && TimeZoneInfo.TryFindSystemTimeZoneById(place.Zones[0], out var zone))
            {
                local = $"{TimeZoneInfo.ConvertTime(started, zone):ddd yyyy-MM-dd HH:mm} {zone.Id}";
            }

            rows.Add(new CallListRow(call, customer?.Name, customer?.Phone, local));
        }

        return rows;
    }
}
