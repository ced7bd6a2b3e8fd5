namespace Campaign.Abstractions.Conversation;

/// <summary>Where the offline engine is in the script, kept in <see cref="AgentMemory"/> between turns.</summary>
[GenerateSerializer, Alias("Campaign.DialogueState")]
public sealed class DialogueState
{
    [Id(0)]
    public DialogueStep Step { get; set; } = DialogueStep.Interest;

    /// <summary>The capture question being asked, while <see cref="Step"/> is <see cref="DialogueStep.Capture"/>.</summary>
    [Id(1)]
    public int Capture { get; set; }

    /// <summary>The step to return to when a customer asked to be called back then agreed to go on.</summary>
    [Id(2)]
    public DialogueStep Resume { get; set; } = DialogueStep.Interest;

    /// <summary>Replies in a row that were not understood.</summary>
    [Id(3)]
    public int Unclear { get; set; }

    /// <summary>How many talking points have been used.</summary>
    [Id(4)]
    public int Points { get; set; }

    /// <summary>The customer was asked what worries them after a bare "yes".</summary>
    [Id(5)]
    public bool Probed { get; set; }

    public DialogueState Copy() => (DialogueState)MemberwiseClone();
}

/// <summary>The steps of a script, in order: opening question (interest), concerns, capture questions, offer, closing.</summary>
public enum DialogueStep
{
    Interest,
    Concerns,
    Capture,
    Offer,
    CallbackTime,
    Closed,

    /// <summary>A callback day is known ("call me Saturday"); the agent asked what time of it suits.</summary>
    CallbackHour,

    /// <summary>A callback time is recorded and was read back; the customer may still correct it.</summary>
    CallbackConfirm,

    /// <summary>The customer declined the offer and was told they can ask not to be called again; the next line ends the call.</summary>
    Declined,
}
