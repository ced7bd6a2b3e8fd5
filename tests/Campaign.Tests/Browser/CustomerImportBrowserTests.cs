using System.Text;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>The import on the customers page: first on the page, a progress bar, the list refreshed, rejected rows downloadable.</summary>
[Collection(BrowserCollection.Name)]
public class CustomerImportBrowserTests(BrowserFixture fixture)
{
    private static async Task SignInAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.FillAsync("#user", InProcessHost.AdminUser);
        await page.FillAsync("#password", InProcessHost.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    private static FilePayload Csv(string name, string csv) => new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) };

    private static string Area() => "Imp" + Guid.NewGuid().ToString("N")[..8];

    private static async Task AssertNoAxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, string.Join('\n', result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    [ChromiumFact]
    public async Task A_large_import_shows_upload_then_rows_written_and_refreshes_the_list_and_count_without_a_reload()
    {
        var area = Area();
        const int Rows = 5000;
        var csv = new StringBuilder("id,name,phone,area\n");
        for (var i = 0; i < Rows; i++)
        {
            csv.Append($"{area}-{i:D5},Customer {i},{(i == 17 ? "not-a-phone" : TestCustomers.Phone(1_200_000 + i))},{area}\n");
        }

        var page = await fixture.NewPageAsync();
        await SignInAsync(page, $"/customers?area={area}");
        Assert.True(await page.IsVisibleAsync("#customers-empty"), "nobody of the new area before the import");
        Assert.Equal("0 matching", await page.TextContentAsync("#customers-total"));

        // The import form is the first thing on the page, before the search and the list.
        var importTop = await page.Locator("#import-form").BoundingBoxAsync();
        var searchTop = await page.Locator("form[role=search]").BoundingBoxAsync();
        Assert.True(importTop!.Y < searchTop!.Y, "the import form comes before the search form");
        Assert.True(importTop.Y < 400, $"the import form is near the top of the page (at {importTop.Y}px)");

        // Every state the progress bar is given, as the operator would see it (the label is set before the value).
        await page.EvaluateAsync("""
            () => {
              window.notReloaded = true;
              window.seen = [];
              const bar = document.getElementById('import-progress');
              const label = document.getElementById('import-progress-label');
              const value = Object.getOwnPropertyDescriptor(HTMLProgressElement.prototype, 'value');
              Object.defineProperty(bar, 'value', {
                get() { return value.get.call(this); },
                set(v) { value.set.call(this, v); window.seen.push({ label: label.textContent, value: this.value, max: this.max }); },
              });
            }
            """);
        await page.SetInputFilesAsync("#file", Csv("big.csv", csv.ToString()));
        await page.ClickAsync("#import-form button[type=submit]");
        await page.WaitForSelectorAsync("#import-summary");
        Assert.Equal("Imported 4,999, updated 0, rejected 1.", await page.TextContentAsync("#import-summary"));

        var seen = await page.EvaluateAsync<ProgressState[]>("() => window.seen");
        Assert.Contains(seen, s => s.Label == "Uploading" && s.Value == s.Max && s.Max > 250_000);
        Assert.Contains(seen, s => s.Label == "Writing customers" && s.Value > 0 && s.Value < s.Max);
        Assert.Contains(seen, s => s.Label == "Writing customers" && s.Value == Rows - 1 && s.Max == Rows - 1);
        Assert.Equal("Writing customers", await page.TextContentAsync("#import-progress-label"));
        Assert.Equal("4,999 of 4,999 customers written", await page.TextContentAsync("#import-progress-text"));
        Assert.Contains("Imported 4,999", await page.TextContentAsync("#import-status"));

        // The list and the count show the new customers, without the page being reloaded.
        await page.WaitForSelectorAsync("#customers tbody tr");
        Assert.Equal("4,999 matching", await page.TextContentAsync("#customers-total"));
        await Assertions.Expect(page.Locator("#customers tbody tr")).ToHaveCountAsync(50);
        Assert.Contains("Page 1 of 100", await page.TextContentAsync(".pager"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the list refreshed in place");
        Assert.Equal("19", await page.TextContentAsync("#import-rejections tbody tr td:first-child"));
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "customers-import-progress.png");
    }

    [ChromiumFact]
    public async Task Rejected_rows_show_line_id_name_and_reason_and_download_as_csv()
    {
        var area = Area();
        var csv = new StringBuilder("id,name,phone,area\n")
            .Append($"{area}-1,Ann Able,{TestCustomers.Phone(1_300_001)},{area}\n")
            .Append($"{area}-2,\"Baker, Bob\",not-a-phone,{area}\n")
            .Append($"{area}-1,Ann Again,{TestCustomers.Phone(1_300_003)},{area}\n")
            .Append($"{area}-4,=cmd,12,{area}\n")
            .ToString();
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, "/customers");
        await page.SetInputFilesAsync("#file", Csv("people.csv", csv));
        await page.ClickAsync("#import-form button[type=submit]");
        await page.WaitForSelectorAsync("#import-summary");
        Assert.Equal("Imported 1, updated 0, rejected 3.", await page.TextContentAsync("#import-summary"));

        var cells = await page.Locator("#import-rejections tbody tr").EvaluateAllAsync<string[][]>("rows => rows.map(r => [...r.cells].map(c => c.textContent))");
        Assert.Equal(3, cells.Length);
        Assert.Equal(["3", $"{area}-2", "Baker, Bob"], cells[0][..3]);
        Assert.Contains("phone", cells[0][3]);
        Assert.Equal(["4", $"{area}-1", "Ann Again"], cells[1][..3]);
        Assert.Contains("duplicate id", cells[1][3]);
        Assert.Equal(["5", $"{area}-4", "=cmd"], cells[2][..3]);
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "customers-import-rejected.png");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-rejected"));
        Assert.Equal("rejected-rows.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("line,id,name,reason", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith($"3,{area}-2,\"Baker, Bob\",", lines[1]);
        Assert.StartsWith($"4,{area}-1,Ann Again,duplicate id '{area}-1' (already on line 2)", lines[2]);
        Assert.StartsWith($"5,{area}-4,'=cmd,", lines[3]);
        Assert.Equal("Imported 1, updated 0, rejected 3.", await page.TextContentAsync("#import-summary"));
    }

    [ChromiumFact]
    public async Task Without_javascript_the_import_is_a_plain_form_post_with_the_result_the_list_and_the_download()
    {
        var area = Area();
        var csv = $"id,name,phone,area\n{area}-1,Nora Nojs,{TestCustomers.Phone(1_400_001)},{area}\n{area}-2,Otto Nojs,bad,{area}\n";
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Host.BaseAddress.ToString(), JavaScriptEnabled = false });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await SignInAsync(page, $"/customers?area={area}");
        await page.SetInputFilesAsync("#file", Csv("nojs.csv", csv));
        await page.ClickAsync("#import-form button[type=submit]");
        await page.WaitForSelectorAsync("#import-summary");
        Assert.Equal("Imported 1, updated 0, rejected 1.", await page.TextContentAsync("#import-summary"));
        Assert.Equal("Otto Nojs", await page.TextContentAsync("#import-rejections tbody tr td:nth-child(3)"));
        Assert.Contains("Nora Nojs", await page.TextContentAsync("#customers-results"));
        Assert.Equal("1 matching", await page.TextContentAsync("#customers-total"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-rejected"));
        var text = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith($"line,id,name,reason\r\n3,{area}-2,Otto Nojs,", text);
        await context.CloseAsync();
    }

    public sealed class ProgressState
    {
        public string Label { get; set; } = "";

        public double Value { get; set; }

        public double Max { get; set; }
    }
}
