namespace Campaign.Tests.Twilio;

/// <summary>A call as the fake Twilio holds it.</summary>
public sealed class FakeCall(string sid, IReadOnlyDictionary<string, string[]> form)
{
    private readonly object _gate = new();
    private readonly List<string> _redirects = [];
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Sid { get; } = sid;

    public IReadOnlyDictionary<string, string[]> Form { get; } = form;

    public string To => Field("To");

    public string CallId => System.Web.HttpUtility.ParseQueryString(new Uri(Field("Url")).Query)["callId"]!;

    public string Status { get; private set; } = "queued";

    /// <summary>The final status; completes once the call is over.</summary>
    public Task<string> Ended => _ended.Task;

    public List<string> Said { get; } = [];

    /// <summary>Each <c>Dial</c> the call was given (a transfer), as TwiML.</summary>
    public List<string> Dials { get; } = [];

    /// <summary>What the person heard before being connected: the whisper TwiML of each transfer answered.</summary>
    public List<string> Whispers { get; } = [];

    /// <summary>How many text messages each reply over ConversationRelay came in.</summary>
    public List<int> TokensPerReply { get; } = [];

    public IReadOnlyList<string> Redirects
    {
        get
        {
            lock (_gate)
            {
                return [.. _redirects];
            }
        }
    }

    public string Field(string name) => Form.TryGetValue(name, out var values) ? values[0] : "";

    public void SetStatus(string status)
    {
        lock (_gate)
        {
            if (!_ended.Task.IsCompleted)
            {
                Status = status;
            }
        }
    }

    /// <summary>Ends the call; true only the first time.</summary>
    public bool TryEnd(string status)
    {
        lock (_gate)
        {
            if (_ended.Task.IsCompleted)
            {
                return false;
            }

            Status = status;
            _ended.SetResult(status);
            return true;
        }
    }

    public void AddRedirect(string twiml)
    {
        lock (_gate)
        {
            _redirects.Add(twiml);
        }
    }
}
