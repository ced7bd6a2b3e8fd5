using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Campaign.Host.OpenApi;

/// <summary>Title, description, server address and a description for every tag.</summary>
internal sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Customers"] = "The customer directory: imports, profiles, consent, dial decisions, export and erasure.",
        ["Segments"] = "Saved audience criteria and previews of who they select.",
        ["Scripts"] = "What the agent says, versioned; previews and test calls.",
        ["Do not call"] = "Numbers never to be called, and every change to the list.",
        ["Campaigns"] = "Campaigns from draft to completion, their statistics, calls, follow-ups and exports.",
        ["Calls"] = "One call: timeline, transcript and outcome.",
        ["Schedules"] = "Campaigns started at a time or on a cron expression.",
        ["System"] = "Health, silos, active grains and trunk use.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Campaign.Orleans API";
        document.Info.Description =
            "Outbound AI calling campaigns: customers, segments, scripts, campaigns, calls and the do-not-call list. "
            + "JSON in camelCase; errors are RFC 7807 problems (application/problem+json), naming the `field` or `line` at fault where there is one.";
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
        return Task.CompletedTask;
    }
}
