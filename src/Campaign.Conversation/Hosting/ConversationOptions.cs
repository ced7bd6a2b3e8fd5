namespace Campaign.Conversation.Hosting;

/// <summary>The conversation model (<c>Conversation:*</c>).</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversation";

    /// <summary><c>Offline</c> (the script engine, default) or <c>OpenAI</c> (any OpenAI-compatible endpoint).</summary>
    public string Provider { get; set; } = ConversationProviders.Offline;

    public OpenAIConversationOptions OpenAI { get; set; } = new();

    /// <summary>The company named by the built-in script used when a campaign has none.</summary>
    public string DefaultCompany { get; set; } = "your service provider";

    /// <summary>The agent name of the built-in script.</summary>
    public string DefaultAgentName { get; set; } = "Alex";

    public OptOutRecognitionOptions OptOut { get; set; } = new();

    public UnderstandingOptions Understanding { get; set; } = new();
}

/// <summary>How caller lines are understood (<c>Conversation:Understanding:*</c>).</summary>
public sealed class UnderstandingOptions
{
    /// <summary>
    /// Whether the semantic layer (the opt-out layer's local sentence-embedding model over labelled examples) reads
    /// interest, the answer to the offer and concerns where the rules are silent or unsure. Off, the rules answer alone.
    /// </summary>
    public bool Semantic { get; set; } = true;

    /// <summary>
    /// The concern classifier's weights (<see cref="Understanding.ConcernClassifier"/>): empty for the shipped ones, a file
    /// made by <c>bench/Campaign.ConversationEval train-concerns</c>, or <c>off</c> for the nearest examples alone.
    /// </summary>
    public string? ConcernClassifier { get; set; }
}

/// <summary>How opt-outs are recognised (<c>Conversation:OptOut:*</c>).</summary>
public sealed class OptOutRecognitionOptions
{
    /// <summary>
    /// Whether the semantic layer (a local sentence-embedding model over labelled examples) backs the rules, so a request
    /// phrased in a way no rule foresaw is asked about. Off, the rules answer alone and the model is never loaded.
    /// </summary>
    public bool Semantic { get; set; } = true;
}

/// <summary>An OpenAI-compatible chat completions endpoint (<c>Conversation:OpenAI:*</c>).</summary>
public sealed class OpenAIConversationOptions
{
    /// <summary>The API base, e.g. <c>https://api.openai.com/v1</c> or <c>http://localhost:11434/v1</c> for Ollama.</summary>
    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>Secret: read from configuration only, never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// How long one model turn (with its function calls and retries) or the extraction may take before the call is ended
    /// politely: the turn's time budget.
    /// </summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Attempts per request to the model (the first included) when it answers HTTP 429, 500, 502, 503 or 504 or cannot be
    /// reached; no retry starts that would end after the turn's time budget.
    /// </summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// When the model fails for good during a call, the customer is called again this many minutes later (a callback in
    /// the call's outcome, dialled within their calling hours), unless they asked to be left alone.
    /// </summary>
    public double CallAgainAfterMinutes { get; set; } = 60;
}

public static class ConversationProviders
{
    public const string Offline = "Offline";
    public const string OpenAI = "OpenAI";
}
