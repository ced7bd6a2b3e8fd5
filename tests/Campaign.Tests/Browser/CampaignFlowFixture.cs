using Campaign.Tests.Http;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>A host and browser of their own for the campaign form and the end-to-end flow, apart from the tests that expect an empty campaign list.</summary>
public sealed class CampaignFlowFixture : IAsyncLifetime
{
    // Calls last about a real second (simulated minutes at 60×), so the dashboard has calls in flight to show.
    private readonly BrowserFixture _browser = new(new InProcessHost(["--Telephony:Simulator:TimeScale", "60"]));

    public InProcessHost Host => _browser.Host;

    public Task InitializeAsync() => _browser.InitializeAsync();

    public Task DisposeAsync() => _browser.DisposeAsync();

    public Task<IPage> NewPageAsync(int width = 1280, int height = 800) => _browser.NewPageAsync(width, height);

    /// <summary>A page signed in through the login form, at <paramref name="path"/>.</summary>
    public async Task<IPage> SignedInPageAsync(string path)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(path);
        await page.FillAsync("#user", InProcessHost.AdminUser);
        await page.FillAsync("#password", InProcessHost.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        try
        {
            // Generous: on a loaded machine the first page after sign-in may render slowly.
            await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            var shown = await page.Locator("main, body").First.InnerTextAsync();
            throw new Xunit.Sdk.XunitException($"still on {page.Url} after signing in; the page says: {shown}");
        }

        if (!page.Url.EndsWith(path, StringComparison.Ordinal))
        {
            await page.GotoAsync(path);
        }

        return page;
    }
}

[CollectionDefinition(Name)]
public sealed class CampaignFlowCollection : ICollectionFixture<CampaignFlowFixture>
{
    public const string Name = "campaign flow browser";
}
