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
        var leaves = new Dictionary<string, OpenApiSchema>
        {
            ["AllCriteria"] = Leaf("Every condition holds (an empty list selects everyone).", ("all", Array(node), true)),
            ["AnyCriteria"] = Leaf("At least one condition holds.", ("any", Array(node, minItems: 1), true)),
            ["NotCriteria"] = Leaf("The condition does not hold.", ("not", node, true)),
            ["IssueCategoryCriteria"] = Leaf(
                "Reported an issue of the category, optionally within the last withinDays days.",
                ("issueCategory", Text(), true),
                ("withinDays", PositiveInteger(), false)),
            ["AreaCriteria"] = Leaf("Lives in one of the areas.", ("area", Array(Text(), minItems: 1), true)),
            ["TagCriteria"] = Leaf("Carries the tag.", ("tag", Text(), true)),
            ["AttributeCriteria"] = Leaf(
                "Has the attribute with the value.",
                ("attribute", Object(("name", Text(), true), ("equals", new OpenApiSchema { Type = JsonSchemaType.String }, true)), true)),
            ["ContactCriteria"] = Leaf(
                "Contact history; notContactedForDays and answeredWithinDays take days.",
                ("contact", Enum("neverContacted", "neverAnswered", "notContactedForDays", "answeredWithinDays"), true),
                ("days", PositiveInteger(), false)),
            ["LastInterestCriteria"] = Leaf("The interest the latest answered call recorded.", ("lastInterest", Enum("interested", "neutral", "notInterested"), true)),
        };
        foreach (var (name, schema) in leaves)
        {
            schemas[name] = schema;
        }

        schemas[Name] = new OpenApiSchema
        {
            Description = "Who is selected: a tree whose nodes combine with all, any and not. Do-not-call customers never match.",
            OneOf = leaves.Keys.Select(name => (IOpenApiSchema)new OpenApiSchemaReference(name, document)).ToList(),
        };

        foreach (var schema in schemas.Values.OfType<OpenApiSchema>())
        {
            if (schema.Properties?.TryGetValue("criteria", out var criteria) == true && IsUntyped(criteria, document))
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

    private static bool IsUntyped(IOpenApiSchema schema, OpenApiDocument document) =>
        RefersTo(schema, "JsonElement") || (schema.Type is null && schema.OneOf is null && schema.Properties is null && schema is not OpenApiSchemaReference);

    private static bool RefersTo(IOpenApiSchema schema, string id) =>
        (schema is OpenApiSchemaReference r && r.Reference.Id == id) || schema.OneOf?.Any(s => s is OpenApiSchemaReference r2 && r2.Reference.Id == id) == true;

    private static bool Nullable(IOpenApiSchema schema) =>
        schema.OneOf?.Any(s => s.Type == JsonSchemaType.Null) == true || schema.Type?.HasFlag(JsonSchemaType.Null) == true;

    private static OpenApiSchema NullOr(IOpenApiSchema schema) => new() { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, schema] };

    private static OpenApiSchema Leaf(string description, params (string Name, IOpenApiSchema Schema, bool Required)[] properties)
    {
        var schema = Object(properties);
        schema.Description = description;
        return schema;
    }

    private static OpenApiSchema Object(params (string Name, IOpenApiSchema Schema, bool Required)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema),
        Required = properties.Where(p => p.Required).Select(p => p.Name).ToHashSet(),
        AdditionalPropertiesAllowed = false,
    };

    private static OpenApiSchema Array(IOpenApiSchema items, int? minItems = null) => new() { Type = JsonSchemaType.Array, Items = items, MinItems = minItems };

    private static OpenApiSchema Text() => new() { Type = JsonSchemaType.String, MinLength = 1 };

    private static OpenApiSchema PositiveInteger() => new() { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" };

    private static OpenApiSchema Enum(params string[] values) => new()
    {
        Type = JsonSchemaType.String,
        Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
    };
}
