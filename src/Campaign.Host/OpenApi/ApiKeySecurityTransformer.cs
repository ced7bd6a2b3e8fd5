using Campaign.Host.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Campaign.Host.OpenApi;

/// <summary>
/// Declares how <c>/api</c> is authenticated (the <c>X-Api-Key</c> header, or the admin login cookie) and the problems
/// every <c>/api</c> operation can answer because of it.
/// </summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public const string ApiKeyScheme = "ApiKey";
    public const string CookieScheme = "AdminCookie";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeySettings.HeaderName,
            Description = "The API key (Auth:ApiKey; generated on first start when not configured). A wrong key is 401 even with a valid cookie.",
        };
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = AdminAuthentication.CookieName,
            Description = "The admin frontend's login cookie (POST /login). A request that changes anything must also carry the antiforgery token in the RequestVerificationToken header.",
        };

        foreach (var (path, item) in document.Paths)
        {
            var isApi = path.StartsWith("/api/", StringComparison.Ordinal);
            foreach (var (method, operation) in item.Operations ?? [])
            {
                operation.Security = isApi
                    ?
                    [
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] },
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] },
                    ]
                    : [];
                if (!isApi)
                {
                    continue;
                }

                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd("401", Problem(document, "No API key, or a wrong one, and no login cookie."));
                if (method != HttpMethod.Get && method != HttpMethod.Head)
                {
                    operation.Responses.TryAdd("403", Problem(document, "Signed in by cookie without the antiforgery token."));
                }
            }
        }

        return Task.CompletedTask;
    }

    internal static OpenApiResponse Problem(OpenApiDocument document, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
        },
    };
}
