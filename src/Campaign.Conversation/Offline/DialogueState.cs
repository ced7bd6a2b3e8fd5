using System.Globalization;
using Campaign.Conversation.Agent;

namespace Campaign.Conversation.Offline;

/// <summary>Where the offline engine is in the script, kept in the session's memory between turns.</summary>
public sealed class DialogueState
{
    private const string StepKey = MemoryKeys.OfflinePrefix + "step";
    private const string CaptureKey = MemoryKeys.OfflinePrefix + "capture";
    private const string ResumeKey = MemoryKeys.OfflinePrefix + "resume";
    private const string UnclearKey = MemoryKeys.OfflinePrefix + "unclear";
    private const string PointsKey = MemoryKeys.OfflinePrefix + "points";
    private const string ProbedKey = MemoryKeys.OfflinePrefix + "probed";

    public DialogueStep Step { get; set; } = DialogueStep.Interest;

    /// <summary>The capture question being asked, while <see cref="Step"/> is <see cref="DialogueStep.Capture"/>.</summary>
    public int Capture { get; set; }

    /// <summary>The step to return to when a customer asked to be called back then agreed to go on.</summary>
    public DialogueStep Resume { get; set; } = DialogueStep.Interest;

    /// <summary>Replies in a row that were not understood.</summary>
    public int Unclear { get; set; }

    /// <summary>How many talking points have been used.</summary>
    public int Points { get; set; }

    /// <summary>The customer was asked what worries them after a bare "yes".</summary>
    public bool Probed { get; set; }

    public static DialogueState Load(IReadOnlyDictionary<string, string> memory) => new()
    {
        Step = Enum.TryParse<DialogueStep>(memory.GetValueOrDefault(StepKey), out var step) ? step : DialogueStep.Interest,
        Resume = Enum.TryParse<DialogueStep>(memory.GetValueOrDefault(ResumeKey), out var resume) ? resume : DialogueStep.Interest,
        Capture = Int(memory, CaptureKey),
        Unclear = Int(memory, UnclearKey),
        Points = Int(memory, PointsKey),
        Probed = memory.ContainsKey(ProbedKey),
    };

    public void Save(IDictionary<string, string> memory)
    {
        memory[StepKey] = Step.ToString();
        memory[ResumeKey] = Resume.ToString();
        memory[CaptureKey] = Capture.ToString(CultureInfo.InvariantCulture);
        memory[UnclearKey] = Unclear.ToString(CultureInfo.InvariantCulture);
        memory[PointsKey] = Points.ToString(CultureInfo.InvariantCulture);
        if (Probed)
        {
            memory[ProbedKey] = "true";
        }
    }

    private static int Int(IReadOnlyDictionary<string, string> memory, string key) =>
        int.TryParse(memory.GetValueOrDefault(key), CultureInfo.InvariantCulture, out var value) ? value : 0;
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
}
