using Microsoft.AspNetCore.Authentication.Cookies;

namespace Campaign.Host.Security;

/// <summary>Cookie sign-in for the admin frontend and the Orleans dashboard.</summary>
internal static class AdminAuthentication
{
    public const string CookieName = "campaign.admin";

    public static IServiceCollection AddAdminAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context =>
            {
                // API clients and the pages' scripts (the Orleans dashboard's included) get a plain 401; people are sent
                // to the login page.
                var path = context.Request.Path;
                if (path.StartsWithSegments("/api") || path.StartsWithSegments("/ui") || (path.StartsWithSegments("/dashboard") && !AcceptsHtml(context.Request)))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
        });
        services.AddAuthorization();
        services.AddAntiforgery(o => o.Cookie.Name = "campaign.antiforgery");
        return services;
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.Count == 0 || request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
