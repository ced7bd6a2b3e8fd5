using Campaign.Abstractions.Calls;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Campaign.Conversation.Agent;

/// <summary>The chat history of a turn, derived from the transcript: the session keeps no history of its own.</summary>
public static class TranscriptHistory
{
    public static ChatHistory Build(string systemPrompt, IEnumerable<TranscriptLine> transcript)
    {
        var history = new ChatHistory(systemPrompt);
        foreach (var line in transcript)
        {
            if (line.Speaker == Speaker.Agent)
            {
                history.AddAssistantMessage(line.Text);
            }
            else
            {
                history.AddUserMessage(line.Text);
            }
        }

        return history;
    }

    /// <summary>The transcript as plain text, for the extraction pass.</summary>
    public static string AsText(IEnumerable<TranscriptLine> transcript) =>
        string.Join('\n', transcript.Select(l => $"{(l.Speaker == Speaker.Agent ? "Agent" : "Customer")}: {l.Text}"));
}
