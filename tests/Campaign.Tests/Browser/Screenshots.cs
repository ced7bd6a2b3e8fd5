using Campaign.Tests.Support;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>
/// Full-page screenshots of the main pages, kept as test artifacts in <c>TestResults/screenshots/</c> at the
/// repository root (or the folder <c>UI_SCREENSHOT_DIR</c> names).
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Environment.GetEnvironmentVariable("UI_SCREENSHOT_DIR") is { Length: > 0 } dir
        ? dir
        : Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, name), FullPage = true });
    }
}
