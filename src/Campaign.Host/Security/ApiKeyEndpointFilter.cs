using System.Security.Cryptography;
using System.Text;

namespace Campaign.Host.Security;

/// <summary>Lets a request through only with the right <c>X-Api-Key</c> header; otherwise 401 problem+json.</summary>
internal sealed class ApiKeyEndpointFilter(ApiKeySettings options) : IEndpointFilter
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(options.ApiKey);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[ApiKeySettings.HeaderName].ToString();
        if (presented.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _expected))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                detail: $"Send the API key in the {ApiKeySettings.HeaderName} header.");
        }

        return await next(context);
    }
}
