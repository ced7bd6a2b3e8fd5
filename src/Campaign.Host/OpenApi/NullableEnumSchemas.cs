using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Campaign.Host.OpenApi;

/// <summary>
/// An enum used both as <c>T</c> and <c>T?</c> gets one shared schema whose values include null, while every nullable
/// use already says <c>oneOf: [null, T]</c>: null then matches both alternatives and a validator refuses it. The shared
/// schema lists the values only; each use says whether null is allowed.
/// </summary>
internal sealed class NullableEnumSchemas : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (schema.Enum is { Count: > 0 } values && values.Any(v => v is null || v.GetValueKind() == System.Text.Json.JsonValueKind.Null))
            {
                schema.Enum = values.Where(v => v is not null && v.GetValueKind() != System.Text.Json.JsonValueKind.Null).ToList();
                schema.Type ??= JsonSchemaType.String;
            }
        }

        return Task.CompletedTask;
    }
}
