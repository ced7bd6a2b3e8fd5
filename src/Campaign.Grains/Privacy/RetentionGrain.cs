using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Privacy;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Compliance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Campaign.Grains.Privacy;

/// <summary>The retention clean-up: a reminder, then old decisions deleted and old transcripts removed from records and call grains.</summary>
public sealed partial class RetentionGrain(
    IDecisionLog decisions,
    ICallStore calls,
    IOptions<ComplianceOptions> compliance,
    IOptions<PrivacyOptions> privacy,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock,
    ILogger<RetentionGrain> logger) : Grain, IRetentionGrain, IRemindable
{
    private const string ReminderName = "retention";
    private const int Batch = 500;

    public async Task EnsureScheduledAsync()
    {
        var period = privacy.Value.RetentionCheckPeriod;
        await this.RegisterOrUpdateReminder(ReminderName, period, period);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status) => await RunOnceAsync();

    public async Task<RetentionRun> RunOnceAsync()
    {
        var now = clock.GetUtcNow();
        var deleted = await decisions.DeleteOlderThanAsync(now.AddDays(-compliance.Value.DecisionRetentionDays));
        var transcripts = 0;
        if (privacy.Value.TranscriptRetentionDays > 0)
        {
            var days = privacy.Value.TranscriptRetentionDays;
            var cutoff = now.AddDays(-days);
            IReadOnlyList<string> due;
            do
            {
                due = await calls.WithTranscriptEndedBeforeAsync(cutoff, Batch);
                foreach (var callId in due)
                {
                    // The grain keeps the conversation of an ended call too; a call still running is left for the next run.
                    if (await GrainFactory.GetGrain<ICallGrain>(callId).EraseAsync() && await calls.GetAsync(callId) is { } record)
                    {
                        await calls.SaveAsync(record with { Transcript = [], Note = Appended(record.Note, $"transcript deleted after {days} days") });
                        transcripts++;
                    }
                }
            }
            while (due.Count == Batch);
        }

        if (deleted > 0 || transcripts > 0)
        {
            LogCleaned(logger, deleted, transcripts);
        }

        return new RetentionRun(deleted, transcripts);
    }

    private static string Appended(string? note, string text) => string.IsNullOrEmpty(note) ? text : $"{note}; {text}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Decisions} dial decisions and {Transcripts} transcripts past their retention deleted")]
    private static partial void LogCleaned(ILogger logger, int decisions, int transcripts);
}
