using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Compliance;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Telephony;
using Campaign.Abstractions.Webhooks;
using Campaign.Conversation.Scripts;
using Campaign.Grains.Calls;
using Campaign.Grains.Compliance;
using Campaign.Grains.Texts;
using Campaign.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.UnitTests.Support;

/// <summary>
/// What a call's parts talk to, in memory: the provider, the call store, the customer, the trunk and the campaign, each
/// recording what it was told, and the call's state, clocks and gate. <see cref="Placement"/> and <see cref="Ending"/>
/// are wired the way the call grain wires them.
/// </summary>
internal sealed class CallWorld
{
    public const string CallId = "cmp-1-1-a1";

    public CallWorld(DateTimeOffset now)
    {
        Clock = new FakeTimeProvider(now);
        State = new MemoryState<CallState>(new CallState(), exists: false);
        var telephony = Stub<ITelephony>.Of((method, args) => method.Name switch
        {
            nameof(ITelephony.PlaceCallAsync) => Place((PlaceCallRequest)args[0]!),
            nameof(ITelephony.IsLiveAsync) => Task.FromResult(ProviderHasCall),
            nameof(ITelephony.HangUpAsync) => Task.CompletedTask,
            _ => throw new NotSupportedException(method.Name),
        });
        var store = Stub<ICallStore>.Of((method, args) => method.Name switch
        {
            nameof(ICallStore.ExistsAsync) => Task.FromResult(Stored.Any(r => r.Id == (string)args[0]!)),
            nameof(ICallStore.SaveAsync) => Save((CallRecord)args[0]!),
            _ => throw new NotSupportedException(method.Name),
        });
        var agent = Stub<IConversationAgent>.Of((method, args) => method.Name == nameof(IConversationAgent.ConcludeTurnAsync)
            ? Task.FromResult(Conclude((ConversationSession)args[0]!))
            : throw new NotSupportedException(method.Name));
        var grains = Stub<IGrainFactory>.Of((method, args) => method.Name == nameof(IGrainFactory.GetGrain) ? Grain(method.ReturnType) : throw new NotSupportedException(method.Name));
        var line = new ProviderLine(telephony, Logger, CallId);
        var ticket = new DialGate.Ticket(Gate);
        var webhooks = Stub<IWebhookEvents>.Of((method, args) =>
        {
            Announced.Add(method.Name == nameof(IWebhookEvents.CallCompletedAsync) ? ((CallRecord)args[0]!).Id : method.Name);
            return Task.CompletedTask;
        });
        var messaging = Stub<ITextMessaging>.Of((method, args) => Text((OutgoingText)args[0]!));
        var scripts = Stub<IScriptSource>.Of((method, args) => ValueTask.FromResult<ScriptVersion?>(
            new ScriptVersion((string)args[0]!, 1, TestScripts.Valid() with { InfoText = InfoText }, now)));
        var directory = Stub<ICustomerDirectory>.Of((method, args) => method.Name switch
        {
            nameof(ICustomerDirectory.GetAsync) => Task.FromResult<CustomerProfile?>(Customer),
            nameof(ICustomerDirectory.IsDoNotCallAsync) => Task.FromResult(false),
            _ => throw new NotSupportedException(method.Name),
        });
        var infoTexts = new InfoTextSender(messaging, scripts, directory, Clock, NullLogger<InfoTextSender>.Instance);
        var settlement = new CallSettlement(agent, store, grains, webhooks, infoTexts, State.WriteStateAsync, Logger);
        Ending = new CallEnding(State, settlement, line, Timers, new SerialAccess(), ticket, new AbandonRule(TimeSpan.FromSeconds(2), 0.03, 30), Clock, () => Deactivated++, CallId);
        var progress = new CallProgressReport(State, grains, CallId);
        var locator = new CustomerLocator(Options.Create(new ComplianceOptions()));
        Placement = new CallPlacement(State, store, grains, locator, line, Timers, Ending, progress, ticket, new CallOptions(), Clock, () => Task.CompletedTask, CallId);
    }

    public FakeTimeProvider Clock { get; }

    public MemoryState<CallState> State { get; }

    public FakeCallTimers Timers { get; } = new();

    public DialGate Gate { get; } = new();

    public RecordingLogger Logger { get; } = new();

    public CallPlacement Placement { get; }

    public CallEnding Ending { get; }

    public CallState Call => State.State;

    /// <summary>The customer's grain answers every dial request with this.</summary>
    public DialVerdict Verdict { get; set; } = new(CallStartResult.Placed, null, TestCustomers.Profile("C-1"));

    /// <summary>The provider's answer to a dial: its call id, or the fault it throws.</summary>
    public Exception? DialFault { get; set; }

    public bool ProviderHasCall { get; set; } = true;

    /// <summary>The store, the customer or the campaign cannot be reached while set.</summary>
    public bool ReportFails { get; set; }

    public CallOutcome Outcome { get; set; } = new(Interest.Interested, [], FollowUp.None, "Interested.", false, null, null);

    /// <summary>The dials the provider received, each with the state's write count at the moment it was asked.</summary>
    public List<(PlaceCallRequest Request, int WritesBefore)> Dials { get; } = [];

    public List<DialRequest> DialRequests { get; } = [];

    public List<CallRecord> Stored { get; } = [];

    /// <summary>What was announced to webhook endpoints: the id of each completed call.</summary>
    public List<string> Announced { get; } = [];

    public List<CallProgress> Progress { get; } = [];

    public List<CallReport> CampaignReports { get; } = [];

    public List<string> CustomerCallsEnded { get; } = [];

    public List<string> TrunkReleased { get; } = [];

    public int Deactivated { get; private set; }

    /// <summary>The information text of the call's script (null: none).</summary>
    public string? InfoText { get; set; }

    /// <summary>The customer as the directory has them when the call ends.</summary>
    public CustomerProfile Customer { get; set; } = TestCustomers.Profile("C-1");

    /// <summary>The texts the provider was asked to send, each with the state's write count at the moment it was asked.</summary>
    public List<(OutgoingText Text, int WritesBefore)> TextsSent { get; } = [];

    /// <summary>What the provider throws when asked to send a text.</summary>
    public Exception? TextFault { get; set; }

    public static CallRequest Request() =>
        new(CallId, "cmp-1", "C-1", 1, 1, null, null, "+15550100", new VoicemailPolicy(VoicemailAction.HangUp, null), TimeSpan.FromMinutes(5));

    private Task<TextAccepted> Text(OutgoingText text)
    {
        TextsSent.Add((text, State.Writes));
        return TextFault is { } fault ? Task.FromException<TextAccepted>(fault) : Task.FromResult(new TextAccepted("SM-1", TextStatus.Queued));
    }

    private AgentConclusion Conclude(ConversationSession session) =>
        new(Outcome, AgentTurn.Between(session, session.Draft(), new AgentReply("", EndCall: true)));

    private Task<string> Place(PlaceCallRequest request)
    {
        Dials.Add((request, State.Writes));
        return DialFault is { } fault ? Task.FromException<string>(fault) : Task.FromResult("CA-1");
    }

    private Task Save(CallRecord record)
    {
        if (ReportFails)
        {
            return Task.FromException(new InvalidOperationException("store unavailable"));
        }

        Stored.Add(record);
        return Task.CompletedTask;
    }

    private object Grain(Type type) =>
        type == typeof(ICustomerGrain) ? Stub<ICustomerGrain>.Of((method, args) => method.Name switch
        {
            nameof(ICustomerGrain.DecideDialAsync) => Decide((DialRequest)args[0]!),
            nameof(ICustomerGrain.EndCallAsync) => Done(() => CustomerCallsEnded.Add((string)args[0]!)),
            _ => throw new NotSupportedException(method.Name),
        })
        : type == typeof(ITrunkGrain) ? Stub<ITrunkGrain>.Of((method, args) => method.Name == nameof(ITrunkGrain.ReleaseAsync)
            ? Done(() => TrunkReleased.Add((string)args[0]!))
            : throw new NotSupportedException(method.Name))
        : type == typeof(ICampaignGrain) ? Stub<ICampaignGrain>.Of((method, args) => method.Name switch
        {
            nameof(ICampaignGrain.OnCallProgressAsync) => Done(() => Progress.Add((CallProgress)args[0]!)),
            nameof(ICampaignGrain.OnCallEndedAsync) => Done(() => CampaignReports.Add((CallReport)args[0]!)),
            _ => throw new NotSupportedException(method.Name),
        })
        : throw new NotSupportedException(type.Name);

    private Task<DialVerdict> Decide(DialRequest request)
    {
        DialRequests.Add(request);
        return Task.FromResult(Verdict);
    }

    private static Task Done(Action action)
    {
        action();
        return Task.CompletedTask;
    }
}
