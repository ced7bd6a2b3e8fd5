namespace Campaign.Tests.Browser;

/// <summary>A browser test: skipped, with the reason, where the system Chromium is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
        {
            Skip = $"Browser tests need Chromium at {ChromiumPath} (apt-get install -y chromium); .ci/run installs it.";
        }
    }
}
