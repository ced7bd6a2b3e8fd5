namespace Campaign.Host.Security;

/// <summary>
/// Headers every answer carries so a browser never runs injected script, never frames our pages in someone else's
/// site and never guesses a content type. The admin pages load scripts and styles only from their own files.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// For the bundled third-party pages (the API reference at <c>/scalar</c>, the Orleans dashboard), which rely on
    /// inline script and style: they may not be framed, but otherwise keep what they need.
    /// </summary>
    public const string ThirdPartyPagePolicy = "frame-ancestors 'none'";

    private static readonly string[] ThirdPartyPrefixes = ["/scalar", "/dashboard"];

    // Set as the answer starts, so answers the exception handler rewrites (it clears headers) carry them too.
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var thirdParty = ThirdPartyPrefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
            headers.ContentSecurityPolicy = thirdParty ? ThirdPartyPagePolicy : ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
