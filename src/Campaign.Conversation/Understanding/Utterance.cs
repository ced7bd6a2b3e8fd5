using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;

namespace Campaign.Conversation.Understanding;

/// <summary>A customer line understood: intents and the slots they carry.</summary>
public sealed record Utterance
{
    public required string Text { get; init; }

    public bool OptOut { get; init; }

    public Polarity Polarity { get; init; }

    /// <summary>
    /// An explicit statement of interest ("tell me more", "maybe", "not interested"); null when there is none. A bare
    /// "no thanks" is only <see cref="Polarity.No"/>: it declines the question asked, which may not be the offer itself.
    /// </summary>
    public Interest? Interest { get; init; }

    public bool Busy { get; init; }

    public bool CallbackRequested { get; init; }

    /// <summary>The words naming a time ("tomorrow at 5 pm"), when the line has any.</summary>
    public string? TimePhrase { get; init; }

    public bool WantsMoreInfo { get; init; }

    public string? Concern => ConcernFound?.Text;

    public ExtractedConcern? ConcernFound { get; init; }

    /// <summary>"Who is this?", "Are you a robot?": answered with the persona and the disclosure.</summary>
    public bool AsksIdentity { get; init; }

    /// <summary>"No, nothing really", "all good": the customer has nothing to raise.</summary>
    public bool NoConcerns { get; init; }

    public bool IsQuestion { get; init; }

    public ScriptFaq? Faq { get; init; }

    public KnownObjection? Objection { get; init; }

    public bool Goodbye { get; init; }

    /// <summary>Nothing in the line was understood.</summary>
    public bool Unrecognized => !OptOut && Polarity == Polarity.None && Interest is null && !Busy && !CallbackRequested &&
                                !WantsMoreInfo && Concern is null && !NoConcerns && !IsQuestion && Faq is null && Objection is null && !Goodbye && !AsksIdentity;
}

public enum Polarity
{
    None,
    Yes,
    No,
}
