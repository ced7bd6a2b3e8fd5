using Azure.Data.Tables;
using Campaign.Abstractions.Customers;

namespace Campaign.Storage.AzureTables;

/// <summary>A contact attempt row (<c>a|{customerId}|{callId}</c>) and what it does to the customer's contact summary.</summary>
internal static class ContactAttemptRow
{
    public static TableEntity Write(string customerId, ContactAttempt attempt) =>
        new(CustomerPartitions.Of(customerId), CustomerRowKeys.Attempt(customerId, attempt.CallId))
        {
            ["CampaignId"] = attempt.CampaignId,
            ["CallId"] = attempt.CallId,
            ["At"] = attempt.At.ToUnixTimeSeconds(),
            ["Result"] = attempt.Result.ToString(),
            ["Interest"] = attempt.Interest?.ToString(),
            ["FollowUp"] = attempt.FollowUp?.ToString(),
        };

    public static ContactAttempt Read(TableEntity row) => new(
        row.GetString("CampaignId"),
        row.GetString("CallId"),
        DateTimeOffset.FromUnixTimeSeconds(row.GetInt64("At") ?? 0),
        Enum.Parse<CallResult>(row.GetString("Result")),
        row.GetString("Interest") is { } interest ? Enum.Parse<Interest>(interest) : null,
        row.GetString("FollowUp") is { } followUp ? Enum.Parse<FollowUpKind>(followUp) : null);

    /// <summary>
    /// The latest contact and answer move forward only; the last interest is taken from an attempt at or after the
    /// last answer known before it, exactly as the embedded store computes it.
    /// </summary>
    public static CustomerRecord Apply(CustomerRecord customer, ContactAttempt attempt)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(attempt.At.ToUnixTimeSeconds());
        var interest = attempt.Interest is null or Interest.Unknown ? null : attempt.Interest;
        return customer with
        {
            LastContactedAt = Max(customer.LastContactedAt, at),
            LastAnsweredAt = attempt.Result == CallResult.Answered ? Max(customer.LastAnsweredAt, at) : customer.LastAnsweredAt,
            LastInterest = interest is not null && at >= (customer.LastAnsweredAt ?? DateTimeOffset.UnixEpoch) ? interest : customer.LastInterest,
        };
    }

    private static DateTimeOffset Max(DateTimeOffset? stored, DateTimeOffset at) => stored is { } value && value > at ? value : at;
}
