namespace Campaign.Conversation.Understanding;

/// <summary>How much a line reads like a request to stop calling, judged by a model rather than by rules.</summary>
public interface IOptOutScorer
{
    /// <summary>Zero or more when the line is nearer the opt-outs the scorer knows than the other lines it knows.</summary>
    double Score(string line);
}
