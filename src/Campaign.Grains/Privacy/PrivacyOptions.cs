namespace Campaign.Grains.Privacy;

/// <summary>How long personal data is kept (<c>Privacy:*</c>).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Days a call's transcript is kept after the call ended; 0 keeps transcripts until the person is erased.</summary>
    public int TranscriptRetentionDays { get; set; } = 365;

    /// <summary>How often the clean-up runs.</summary>
    public TimeSpan RetentionCheckPeriod { get; set; } = TimeSpan.FromHours(6);
}
