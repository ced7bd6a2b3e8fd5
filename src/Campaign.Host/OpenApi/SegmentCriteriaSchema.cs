using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Campaign.Host.OpenApi;

/// <summary>
/// Criteria travel as raw JSON (a tree the parser checks), so the generated schema says nothing about them; this
/// describes the tree: a node is exactly one of <c>all</c>, <c>any</c>, <c>not</c> or a leaf (docs/segments.md).
/// </summary>
internal sealed class SegmentCriteriaSchema : IOpenApiDocumentTransformer
{
    public const string Name = "SegmentCriteria";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null)
        {
            return Task.CompletedTask;
        }

        var node = new OpenApiSchemaReference(Name, document);
        var keys = new (string Name, IOpenApiSchema Schema)[]
        {
            ("all", Array(node, "Every condition holds (an empty list selects everyone).")),
            ("any", Array(node, "At least one condition holds.", minItems: 1)),
            ("not", node),
            ("issueCategory", Text("Reported an issue of the category (optionally with withinDays).")),
            ("area", Array(Text(), "Lives in one of the areas.", minItems: 1)),
            ("tag", Text("Carries the tag.")),
            ("attribute", Attribute()),
            ("contact", Enum("Contact history; notContactedForDays and answeredWithinDays take days.", "neverContacted", "neverAnswered", "notContactedForDays", "answeredWithinDays")),
            ("lastInterest", Enum("The interest the latest answered call recorded.", "interested", "neutral", "notInterested")),
        };
        var properties = keys.ToDictionary(k => k.Name, k => k.Schema);
        properties["withinDays"] = PositiveInteger("With issueCategory: reported within the last this many days.");
        properties["days"] = PositiveInteger("With contact notContactedForDays or answeredWithinDays.");
        schemas[Name] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Who is selected: a node is exactly one of all, any, not or a leaf (withinDays and days go with their leaf). "
                + "Do-not-call customers never match. See docs/segments.md.",
            Properties = properties,
            AdditionalPropertiesAllowed = false,
            // Exactly one kind of node; written as alternatives of required keys so generated clients keep one plain type.
            OneOf = keys.Select(k => (IOpenApiSchema)new OpenApiSchema { Required = new HashSet<string> { k.Name } }).ToList(),
        };

        foreach (var schema in schemas.Values.OfType<OpenApiSchema>())
        {
            if (schema.Properties?.TryGetValue("criteria", out var criteria) == true && IsUntyped(criteria))
            {
                schema.Properties["criteria"] = Nullable(criteria) ? NullOr(node) : node;
            }
        }

        // JsonElement was only the placeholder for criteria.
        if (!schemas.Values.OfType<OpenApiSchema>().Any(s => s.Properties?.Values.Any(p => RefersTo(p, "JsonElement")) == true))
        {
            schemas.Remove("JsonElement");
        }

        return Task.CompletedTask;
    }

    private static bool IsUntyped(IOpenApiSchema schema) =>
        RefersTo(schema, "JsonElement") || (schema.Type is null && schema.OneOf is null && schema.Properties is null && schema is not OpenApiSchemaReference);

    private static bool RefersTo(IOpenApiSchema schema, string id) =>
        (schema is OpenApiSchemaReference r && r.Reference.Id == id) || schema.OneOf?.Any(s => s is OpenApiSchemaReference r2 && r2.Reference.Id == id) == true;

    private static bool Nullable(IOpenApiSchema schema) =>
        schema.OneOf?.Any(s => s.Type == JsonSchemaType.Null) == true || schema.Type?.HasFlag(JsonSchemaType.Null) == true;

    private static OpenApiSchema NullOr(IOpenApiSchema schema) => new() { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, schema] };

    private static OpenApiSchema Attribute() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Has the attribute with the value.",
        Properties = new Dictionary<string, IOpenApiSchema> { ["name"] = Text(), ["equals"] = new OpenApiSchema { Type = JsonSchemaType.String } },
        Required = new HashSet<string> { "name", "equals" },
        AdditionalPropertiesAllowed = false,
    };

    private static OpenApiSchema Array(IOpenApiSchema items, string description, int? minItems = null) =>
        new() { Type = JsonSchemaType.Array, Items = items, MinItems = minItems, Description = description };

    private static OpenApiSchema Text(string? description = null) => new() { Type = JsonSchemaType.String, MinLength = 1, Description = description };

    private static OpenApiSchema PositiveInteger(string description) => new() { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Description = description };

    private static OpenApiSchema Enum(string description, params string[] values) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
    };
}
