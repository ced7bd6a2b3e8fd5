using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Webhooks;
using Campaign.Conversation.Agent;
using Campaign.Grains.Texts;
using Microsoft.Extensions.Logging;

namespace Campaign.Grains.Calls;

/// <summary>
/// What follows an ended call: its outcome (concluded once, then kept in the state), the opt-out the outcome may
/// carry, the information text the customer asked for, then the report: the record stored, the webhook events queued, then the customer and the campaign told (the campaign gives the trunk line back). Every step
/// tolerates being repeated, so a report that failed can simply be run again.
/// </summary>
internal sealed class CallSettlement(
    IConversationAgent agent, ICallStore calls, IGrainFactory grains, IWebhookEvents webhooks, InfoTextSender infoTexts, Func<Task> saveState, ILogger logger)
{
    /// <returns>Whether the call is reported; when not, what was concluded is in <paramref name="call"/>, to be kept.</returns>
    public async Task<bool> SettleAsync(string callId, CallState call)
    {
        if (call.Result == CallResult.Answered && call.Outcome is null && call.Session is { } session)
        {
            call.Outcome = await ConcludeAsync(callId, session);
            if (session.Memory.Notes is { Count: > 0 } notes)
            {
                // Model faults that shaped the outcome (a failed model, an extraction read from the transcript instead).
                call.Note = string.Join(" ", call.Note is null ? notes : [call.Note, .. notes]);
            }
        }

        try
        {
            if (call.Outcome is { OptedOut: true } && !call.OptOutRecorded)
            {
                // Concluded as an opt-out (a stop-calling question left unanswered by a hang-up): listed before the report.
                await grains.GetGrain<ICustomerGrain>(call.Request!.CustomerId).OptOutAsync("asked during a call", "call", callId);
                call.OptOutRecorded = true;
            }

            if (call.Texts is null)
            {
                var text = await infoTexts.SendAsync(callId, call.Request!, call.Outcome, call.InfoTextAttempted, async () =>
                {
                    call.InfoTextAttempted = true;
                    await saveState();
                });
                call.Texts = text is null ? [] : [text];
            }

            await ReportAsync(callId, call);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CallLog.ReportFailed(logger, callId, ex.Message);
            return false;
        }
    }

    private async Task<CallOutcome> ConcludeAsync(string callId, ConversationSession session)
    {
        try
        {
            var conclusion = await agent.ConcludeTurnAsync(session);
            session.Apply(conclusion.Turn);
            return conclusion.Outcome;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CallLog.AgentFailed(logger, callId, ex.Message);
            return new CallOutcome(session.Interest, session.Concerns.ToList(), session.FollowUp, "The outcome could not be extracted.", session.OptedOut, null, null);
        }
    }

    private async Task ReportAsync(string callId, CallState call)
    {
        var request = call.Request!;
        var record = call.ToRecord(callId);
        await calls.SaveAsync(record);
        await webhooks.CallCompletedAsync(record);
        var attempt = new ContactAttempt(request.CampaignId, callId, call.StartedAt ?? call.EndedAt!.Value, call.Result!.Value, call.Outcome?.Interest, call.Outcome?.FollowUp.Kind);
        await grains.GetGrain<ICustomerGrain>(request.CustomerId).EndCallAsync(callId, attempt);
        // The campaign gives the call's trunk line back with its next dial (TrunkLines).
        await grains.GetGrain<ICampaignGrain>(request.CampaignId).OnCallEndedAsync(CallReport.Of(record, request.Seq));
    }
}
