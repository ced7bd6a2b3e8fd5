using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Campaign.Tests.Http;

/// <summary>Every page and API answer tells the browser not to run foreign script, frame it or sniff it; CSV exports download as UTF-8 files spreadsheets read right.</summary>
[Collection(InProcessHostCollection.Name)]
public class ResponseHeadersHttpTests(InProcessHost host)
{
    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.True(csp.Contains("default-src 'self'", StringComparison.Ordinal) && csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{what}: {csp}");
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Pages_the_api_and_its_errors_send_csp_frame_content_type_and_referrer_headers()
    {
        using var session = (await AdminSession.SignInAsync(host.BaseAddress, InProcessHost.AdminUser, InProcessHost.AdminPassword)).Session;

        AssertSecurityHeaders(await host.Anonymous.GetAsync("/login"), "login page");
        AssertSecurityHeaders(await session.Client.GetAsync("/campaigns"), "campaigns page");
        AssertSecurityHeaders(await host.Anonymous.GetAsync("/campaigns"), "redirect to login");
        AssertSecurityHeaders(await host.Client.GetAsync("/api/customers?take=1"), "api");
        AssertSecurityHeaders(await host.Anonymous.GetAsync("/api/customers"), "401 problem");
        AssertSecurityHeaders(await host.Client.GetAsync("/api/campaigns/nope"), "404 problem");
    }

    [Fact]
    public async Task Csv_exports_are_attachments_named_after_the_campaign_and_start_with_a_utf8_byte_order_mark()
    {
        var created = await host.Client.PostAsync("/api/campaigns", InProcessHost.Json("""{ "name": "Export headers", "criteria": { "area": ["Nowhere"] } }"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        foreach (var (path, fileName) in new[] { ("export.csv", $"{id}-calls.csv"), ("follow-ups.csv", $"{id}-follow-ups.csv"), ("decisions.csv", $"{id}-decisions.csv") })
        {
            var response = await host.Client.GetAsync($"/api/campaigns/{id}/{path}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(("text/csv", "utf-8"), (response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType?.CharSet));
            var disposition = response.Content.Headers.ContentDisposition;
            Assert.Equal(("attachment", fileName), (disposition?.DispositionType, disposition?.FileName?.Trim('"')));
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
            Assert.NotEqual(0xEF, bytes[3]);
            AssertSecurityHeaders(response, path);
        }
    }
}
