using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Campaign.Tests.Http;

[Collection(InProcessHostCollection.Name)]
public class AdminAuthHttpTests(InProcessHost host)
{
    [Fact]
    public async Task The_login_cookie_opens_the_api_and_pages()
    {
        var (session, response) = await AdminSession.SignInAsync(host.BaseAddress, InProcessHost.AdminUser, InProcessHost.AdminPassword);
        using var _ = session;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(session.HasAuthCookie);

        var campaigns = await session.Client.GetAsync("/api/campaigns");
        Assert.Equal(HttpStatusCode.OK, campaigns.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await campaigns.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/system")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/dashboard/")).StatusCode);
    }

    [Fact]
    public async Task A_cookie_alone_cannot_change_state_without_the_antiforgery_token()
    {
        var (session, _) = await AdminSession.SignInAsync(host.BaseAddress, InProcessHost.AdminUser, InProcessHost.AdminPassword);
        using var __ = session;
        var csv = "id,name,phone\nAF-1,Ann,+12025550100\n";

        var forged = await session.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv));
        await ProblemAssert.IsProblemAsync(forged, HttpStatusCode.Forbidden);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/customers/import") { Content = InProcessHost.Csv(csv) };
        request.Headers.Add("RequestVerificationToken", await session.FormTokenAsync("/customers"));
        var signed = await session.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
    }

    [Fact]
    public async Task Without_credentials_the_api_answers_401_and_pages_redirect_to_login()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/campaigns"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/campaigns", InProcessHost.Json("{}")), HttpStatusCode.Unauthorized);

        var page = await client.GetAsync("/campaigns");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery);

        var dashboard = await client.GetAsync("/dashboard/");
        Assert.NotEqual(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.StartsWith("/login", dashboard.Headers.Location?.PathAndQuery ?? "/login");

        using var events = new HttpRequestMessage(HttpMethod.Get, "/ui/campaigns/x/events");
        events.Headers.Accept.ParseAdd("text/event-stream");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(events)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/assets/site.css")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_gives_no_session()
    {
        var (session, response) = await AdminSession.SignInAsync(host.BaseAddress, InProcessHost.AdminUser, "wrong password");
        using var _ = session;
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Wrong user name or password", await response.Content.ReadAsStringAsync());
        Assert.False(session.HasAuthCookie);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/campaigns")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_api_key_is_refused_even_with_a_login_cookie()
    {
        var (session, _) = await AdminSession.SignInAsync(host.BaseAddress, InProcessHost.AdminUser, InProcessHost.AdminPassword);
        using var __ = session;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/campaigns");
        request.Headers.Add("X-Api-Key", "not-the-key");
        await ProblemAssert.IsProblemAsync(await session.Client.SendAsync(request), HttpStatusCode.Unauthorized);
    }
}
