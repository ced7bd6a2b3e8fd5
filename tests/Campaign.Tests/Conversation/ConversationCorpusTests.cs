using Campaign.ConversationEval.Eval;
using Campaign.Tests.Support;

namespace Campaign.Tests.Conversation;

/// <summary>
/// Every development part of the dialogue corpus loads as the harness reads it, names itself after its file and
/// numbers its dialogues once. The held-out part is not opened here.
/// </summary>
public sealed class ConversationCorpusTests
{
    [Theory]
    [InlineData(EvalCorpus.Development, "development")]
    [InlineData("dev2", "dev2")]
    [InlineData("dev3", "dev3")]
    [InlineData("dev4", "dev4")]
    [InlineData("dev5", "dev5")]
    [InlineData("dev6", "dev6")]
    [InlineData("dev7", "dev7")]
    [InlineData("dev8", "dev8")]
    [InlineData("dev9", "dev9")]
    [InlineData("dev10", "dev10")]
    [InlineData("dev11", "dev11")]
    [InlineData("dev12", "dev12")]
    [InlineData("dev13", "dev13")]
    [InlineData("dev14", "dev14")]
    [InlineData("dev15", "dev15")]
    [InlineData("dev16", "dev16")]
    [InlineData("dev17", "dev17")]
    [InlineData("dev18", "dev18")]
    [InlineData("dev19", "dev19")]
    public void A_development_part_loads_with_unique_dialogue_ids(string part, string name)
    {
        var corpus = EvalCorpus.Load(EvalCorpus.PathOf(RepositoryPaths.Root, part));

        Assert.Equal(name, corpus.Part);
        Assert.NotEmpty(corpus.Dialogues);
        Assert.Equal(corpus.Dialogues.Count, corpus.Dialogues.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
    }
}
