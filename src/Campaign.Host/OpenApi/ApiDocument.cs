using Microsoft.AspNetCore.OpenApi;

namespace Campaign.Host.OpenApi;

/// <summary>
/// The public OpenAPI document at <c>/openapi/v1.json</c>: the management API under <c>/api</c> and <c>/health</c> only.
/// The admin pages, the Orleans dashboard and the telephony webhooks are for browsers and providers, not API clients.
/// </summary>
internal static class ApiDocument
{
    public static IServiceCollection AddApiDocument(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.ShouldInclude = description => IsPublic(description.RelativePath);
        options.AddDocumentTransformer<DocumentInfoTransformer>();
        options.AddDocumentTransformer<ApiKeySecurityTransformer>();
        options.AddSchemaTransformer(SchemaCleanup.TransformAsync);
        options.AddOperationTransformer(RequestBodyCleanup.TransformAsync);
        options.AddDocumentTransformer<SegmentCriteriaSchema>();
        options.AddDocumentTransformer<NullableEnumSchemas>();
    });

    private static bool IsPublic(string? relativePath) =>
        relativePath is "health" || relativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
}
