using System.Net;
using System.Text.RegularExpressions;

namespace Campaign.Tests.Http;

/// <summary>A browser-like HTTP client (cookies, no automatic redirects) that signs in through the login form.</summary>
public sealed partial class AdminSession : IDisposable
{
    private AdminSession(Uri baseAddress)
    {
        Handler = new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false };
        Client = new HttpClient(Handler) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClientHandler Handler { get; }

    public HttpClient Client { get; }

    public static async Task<(AdminSession Session, HttpResponseMessage Response)> SignInAsync(Uri baseAddress, string user, string password)
    {
        var session = new AdminSession(baseAddress);
        var token = await session.FormTokenAsync("/login");
        var response = await session.Client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = user,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        return (session, response);
    }

    public bool HasAuthCookie => Cookies.GetCookies(Client.BaseAddress!).Any(c => c.Name == "campaign.admin");

    /// <summary>The antiforgery request token a page hands out (its meta tag).</summary>
    public async Task<string> FormTokenAsync(string page)
    {
        var html = await Client.GetStringAsync(page);
        return TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"{page} has no antiforgery token");
    }

    public void Dispose()
    {
        Client.Dispose();
        Handler.Dispose();
    }

    [GeneratedRegex("name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
