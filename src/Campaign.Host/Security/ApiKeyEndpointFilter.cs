using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;

namespace Campaign.Host.Security;

/// <summary>
/// Lets a request through with the right <c>X-Api-Key</c> header, or with the admin login cookie; otherwise 401
/// problem+json. A cookie alone is ambient (the browser sends it on its own), so a state-changing request that relies on
/// it must also carry the antiforgery token the pages hand out.
/// </summary>
internal sealed class ApiKeyEndpointFilter(ApiKeySettings options, IAntiforgery antiforgery) : IEndpointFilter
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(options.ApiKey);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var presented = http.Request.Headers[ApiKeySettings.HeaderName].ToString();
        if (presented.Length > 0)
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _expected)
                ? await next(context)
                : Unauthorized();
        }

        if (http.User.Identity?.IsAuthenticated != true)
        {
            return Unauthorized();
        }

        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden",
                detail: "A request signed in by cookie must carry the antiforgery token in the RequestVerificationToken header.");
        }

        return await next(context);
    }

    private static IResult Unauthorized() => Results.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Unauthorized",
        detail: $"Send the API key in the {ApiKeySettings.HeaderName} header, or sign in at /login.");
}
