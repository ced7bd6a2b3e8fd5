using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Campaign.Host.OpenApi;

/// <summary>
/// Makes the generated schemas say what the API does: a property that may be null may also be left out (unless it is
/// marked <see cref="RequiredAttribute"/>), and numbers are numbers (the lenient reader also takes "5", but no client
/// should rely on it).
/// </summary>
internal static class SchemaCleanup
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)) && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (schema.Required is { Count: > 0 } required && schema.Properties is { } properties)
        {
            foreach (var property in context.JsonTypeInfo.Properties)
            {
                var nullable = property.IsGetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null
                    || (properties.TryGetValue(property.Name, out var schemaOf) && AllowsNull(schemaOf));
                if (nullable && property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) != true)
                {
                    required.Remove(property.Name);
                }
            }
        }

        if (context.JsonTypeInfo.Type == typeof(ProblemDetails) && schema.Properties is { } problem)
        {
            problem["field"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request field at fault, e.g. criteria.all[1].area or body." };
            problem["line"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The line of an uploaded file at fault." };
            problem["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "Every fault found (an invalid script).",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["field"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                },
            };
        }

        return Task.CompletedTask;
    }

    internal static bool AllowsNull(IOpenApiSchema schema) =>
        schema.Type?.HasFlag(JsonSchemaType.Null) == true || schema.OneOf?.Any(s => s.Type == JsonSchemaType.Null) == true;
}
