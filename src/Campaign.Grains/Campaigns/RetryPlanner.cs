using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Compliance;

namespace Campaign.Grains.Campaigns;

/// <summary>Decides what becomes of a customer after an attempt: a retry and when, a callback, a wait, or done.</summary>
public sealed class RetryPlanner(CampaignOptions options)
{
    /// <summary>Callbacks the customer asked for may go this many attempts past the policy's limit.</summary>
    public const int MaxCallbacks = 2;

    private static readonly TimeSpan AttemptLimitRecheck = TimeSpan.FromHours(1);

    /// <summary>
    /// After a call that ended: an unanswered attempt is retried after the policy's delay for its result while attempts are
    /// left; a callback the customer asked for is honoured at its time. A cancelled campaign retries no one.
    /// </summary>
    public static Settlement AfterCall(CallReport report, RetryPolicy policy, bool campaignCancelled, DateTimeOffset now)
    {
        var delay = report.Result switch
        {
            CallResult.NoAnswer => policy.NoAnswerDelay,
            CallResult.Busy => policy.BusyDelay,
            CallResult.Failed => policy.FailedDelay,
            CallResult.Voicemail => policy.VoicemailDelay,
            _ => (TimeSpan?)null,
        };
        DateTimeOffset? dueAt = delay is not null && report.Attempt < policy.MaxAttempts && !campaignCancelled ? now + delay.Value : null;
        if (report.Outcome is { FollowUp: { Kind: FollowUpKind.Callback, At: { } callbackAt }, OptedOut: false }
            && report.Attempt < policy.MaxAttempts + MaxCallbacks && !campaignCancelled)
        {
            // A new attempt at the time the customer asked for (dialled once their calling hours allow).
            dueAt = callbackAt;
        }

        return Settlement.Called(report.Result.ToString(), dueAt);
    }

    /// <summary>
    /// After a start that dialled nothing: skipped for good, or back in the queue for a while. Null when the start placed
    /// the call or found it already ended (its result settles the item instead).
    /// </summary>
    public Settlement? AfterStart(CallStartResult result, DateTimeOffset now) => result switch
    {
        CallStartResult.DoNotCall => Settlement.Skipped(ComplianceRules.DoNotCall),
        CallStartResult.TimeZoneUnknown => Settlement.Skipped(IWorkListStore.TimeZoneUnknown),
        CallStartResult.UnknownCustomer => Settlement.Skipped(ComplianceRules.UnknownCustomer),
        CallStartResult.ConsentMissing => Settlement.Skipped(ComplianceRules.Consent),
        CallStartResult.CustomerBusy => Settlement.Requeued("customerBusy", now + options.CustomerBusyDelay),
        CallStartResult.OutsideCallingHours => Settlement.Requeued("outsideCallingHours", now + options.OutsideHoursRecheck),
        CallStartResult.OutsideCampaignWindow => Settlement.Requeued("outsideCampaignWindow", now + options.OutsideHoursRecheck),
        CallStartResult.AttemptLimitReached => Settlement.Requeued("attemptLimitReached", now + AttemptLimitRecheck),
        _ => null,
    };

    /// <summary>The call grain could not be reached: the customer is tried again shortly.</summary>
    public Settlement StartFailed(DateTimeOffset now) => Settlement.Requeued("startFailed", now + options.CustomerBusyDelay);

    /// <summary>The start found the call ending but its result not yet stored: tried again shortly.</summary>
    public Settlement StillEnding(DateTimeOffset now) => Settlement.Requeued("callStillEnding", now + options.CustomerBusyDelay);

    /// <summary>A dial marked while the campaign paused or was cancelled: back in line at once, or cancelled with it.</summary>
    public static Settlement Undialled(CampaignStatus status, DateTimeOffset now) =>
        status == CampaignStatus.Cancelled ? Settlement.Cancelled : Settlement.Requeued("paused", now);

    /// <summary>After a restart, a call that was being dialled but never placed: back in line at once.</summary>
    public static Settlement NeverPlaced(DateTimeOffset now) => Settlement.Requeued(null, now);
}
