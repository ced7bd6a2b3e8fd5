using Campaign.Host.Api;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Campaign.Host.OpenApi;

/// <summary>
/// <c>POST /api/dnc</c> reads JSON as one number and any other body as a list, one number per line; declaring that with
/// <c>Accepts</c> would make routing refuse the other content types.
/// </summary>
internal static class DoNotCallBody
{
    public static async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var entry = await context.GetOrCreateSchemaAsync(typeof(DoNotCallRequest), cancellationToken: cancellationToken);
        var document = context.Document ?? throw new InvalidOperationException("The document is being built.");
        document.AddComponent(nameof(DoNotCallRequest), entry);
        var list = new OpenApiSchema { Type = JsonSchemaType.String, Description = "One phone number per line; a header line is skipped." };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(nameof(DoNotCallRequest), document) },
                ["text/csv"] = new() { Schema = list },
                ["text/plain"] = new() { Schema = list },
            },
        };
    }
}
