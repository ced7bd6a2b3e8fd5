using Campaign.Abstractions.Conversation;

namespace Campaign.UnitTests;

/// <summary>The agent's typed memory: read from the string keys calls stored before, copied per turn, notes kept once.</summary>
public class AgentMemoryTests
{
    [Fact]
    public void The_string_keys_of_a_call_stored_before_are_read_into_their_fields()
    {
        var memory = AgentMemory.FromKeys(new Dictionary<string, string>
        {
            ["script.version"] = "4",
            ["script.fallback"] = "script 's1' version 4 does not exist",
            ["callback.phrase"] = "after lunch",
            ["failure"] = "error: HTTP 500",
            ["failure.callAgainAt"] = "2026-03-02T16:00:00.0000000+00:00",
            ["note.1"] = "second",
            ["note.0"] = "first",
            ["end.reason"] = "silence",
            ["optout.asked"] = "don't ring me at work",
            ["capture.2"] = "three",
            ["capture.0"] = "one",
            ["question.0"] = "Who are you?",
            ["offline.step"] = "Offer",
            ["offline.resume"] = "Capture",
            ["offline.capture"] = "3",
            ["offline.unclear"] = "1",
            ["offline.points"] = "2",
            ["offline.probed"] = "true",
            ["step"] = "unknown keys are dropped",
        });

        Assert.Equal((4, "script 's1' version 4 does not exist", "after lunch"), (memory.ScriptVersion, memory.ScriptFallback, memory.CallbackPhrase));
        Assert.Equal(("error: HTTP 500", new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero)), (memory.Failure, memory.CallAgainAt));
        Assert.Equal(["first", "second"], memory.Notes);
        Assert.Equal(("silence", "don't ring me at work"), (memory.EndReason, memory.OptOutAsked));
        Assert.Equal(new Dictionary<int, string> { [0] = "one", [2] = "three" }, memory.Captures);
        Assert.Equal(["Who are you?"], memory.Questions);
        Assert.Equal((DialogueStep.Offer, DialogueStep.Capture, 3, 1, 2, true), (memory.Dialogue.Step, memory.Dialogue.Resume, memory.Dialogue.Capture, memory.Dialogue.Unclear, memory.Dialogue.Points, memory.Dialogue.Probed));
    }

    [Fact]
    public void A_memory_stored_without_keys_starts_the_script_from_the_top()
    {
        var memory = AgentMemory.FromKeys(new Dictionary<string, string> { ["script.version"] = "not a number", ["failure.callAgainAt"] = "later" });

        Assert.Equal((null, null, null), (memory.ScriptVersion, memory.CallAgainAt, memory.EndReason));
        Assert.Equal((DialogueStep.Interest, DialogueStep.Interest, 0, false), (memory.Dialogue.Step, memory.Dialogue.Resume, memory.Dialogue.Capture, memory.Dialogue.Probed));
        Assert.Empty(memory.Notes);
    }

    [Fact]
    public void A_copy_shares_nothing_with_the_memory_it_was_taken_from_and_a_note_is_kept_once()
    {
        var memory = new AgentMemory { ScriptVersion = 2 };
        memory.AddNote("model fault");
        memory.AddNote("model fault");
        memory.Captures[0] = "yes";

        var copy = memory.Copy();
        copy.AddNote("another");
        copy.Captures[1] = "no";
        copy.Questions.Add("why?");
        copy.Dialogue.Step = DialogueStep.Closed;

        Assert.Equal(["model fault"], memory.Notes);
        Assert.Equal([0], memory.Captures.Keys);
        Assert.Empty(memory.Questions);
        Assert.Equal(DialogueStep.Interest, memory.Dialogue.Step);
        Assert.Equal((2, 2, 2), (copy.ScriptVersion, copy.Notes.Count, copy.Captures.Count));
    }
}
