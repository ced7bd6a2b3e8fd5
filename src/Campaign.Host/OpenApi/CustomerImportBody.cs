using Campaign.Host.Api;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Campaign.Host.OpenApi;

/// <summary>
/// The import reads its body itself, in whichever of three forms it comes; declaring them with <c>Accepts</c> would
/// also make routing refuse other content types before the endpoint could answer its own 415 problem.
/// </summary>
internal static class CustomerImportBody
{
    public static async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The document is being built.");
        var item = await context.GetOrCreateSchemaAsync(typeof(CustomerImportItem), cancellationToken: cancellationToken);
        await ListOfAsync(item, "issues", typeof(CustomerImportIssue), document, context, cancellationToken);
        await ListOfAsync(item, "consent", typeof(CustomerImportConsent), document, context, cancellationToken);
        document.AddComponent(nameof(CustomerImportItem), item);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "A CSV file (columns as docs/customers-import.md lists), a JSON array of customers, or a form upload of either (the first file; a .json name or JSON content type reads as JSON).",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Array, MinItems = 1, Items = new OpenApiSchemaReference(nameof(CustomerImportItem), document) },
                },
                ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Read as CSV." } },
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "file" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The customer file, CSV or JSON." },
                        },
                    },
                },
            },
        };
    }

    /// <summary>Gives the items of a list property a named schema, so clients get a named type for them.</summary>
    private static async Task ListOfAsync(
        OpenApiSchema owner, string property, Type itemType, OpenApiDocument document, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (owner.Properties?.TryGetValue(property, out var list) == true && list is OpenApiSchema array)
        {
            document.AddComponent(itemType.Name, await context.GetOrCreateSchemaAsync(itemType, cancellationToken: cancellationToken));
            array.Items = new OpenApiSchemaReference(itemType.Name, document);
        }
    }
}
