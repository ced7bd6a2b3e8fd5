using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Campaign.Host.OpenApi;

/// <summary>
/// A handler that takes its body as a nullable parameter does so to answer a missing body with a problem naming it;
/// the body is still required (unless the endpoint says <see cref="OptionalBody"/>), and it is the object, not "null or
/// the object".
/// </summary>
internal static class RequestBodyCleanup
{
    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.RequestBody is not OpenApiRequestBody body || body.Content is null)
        {
            return Task.CompletedTask;
        }

        foreach (var media in body.Content.Values)
        {
            if (media.Schema?.OneOf is { Count: 2 } options && options.Count(o => o.Type == JsonSchemaType.Null) == 1)
            {
                media.Schema = options.Single(o => o.Type != JsonSchemaType.Null);
            }
        }

        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        body.Required = !metadata.OfType<OptionalBody>().Any();
        if (metadata.OfType<IAcceptsMetadata>().Any() && context.Document is { } document)
        {
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("415", ApiKeySecurityTransformer.Problem(document, "The body is not JSON."));
        }

        return Task.CompletedTask;
    }
}

/// <summary>Marks an endpoint whose body may be left out (it then means "everything" or "the defaults").</summary>
internal sealed class OptionalBody
{
    public static readonly OptionalBody Instance = new();
}
