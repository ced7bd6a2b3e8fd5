namespace Campaign.Abstractions.Privacy;

/// <summary>
/// Deletes what is kept longer than configured: dial decisions after <c>Compliance:DecisionRetentionDays</c>, call
/// transcripts after <c>Privacy:TranscriptRetentionDays</c>. One per cluster, woken by a reminder.
/// </summary>
[Alias("Campaign.IRetentionGrain")]
public interface IRetentionGrain : IGrainWithStringKey
{
    const string Key = "retention";

    /// <summary>Registers the reminder that runs the clean-up; harmless when it is already there.</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();

    /// <summary>Runs the clean-up now and says what it deleted.</summary>
    [Alias("RunOnce")]
    Task<RetentionRun> RunOnceAsync();
}

[GenerateSerializer, Immutable, Alias("Campaign.RetentionRun")]
public sealed record RetentionRun([property: Id(0)] int DecisionsDeleted, [property: Id(1)] int TranscriptsDeleted);
