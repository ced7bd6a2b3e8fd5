using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;

namespace Campaign.Tests.Contract;

/// <summary>The document the host serves passes a standard OpenAPI linter (Redocly's recommended rules).</summary>
[Collection(InProcessHostCollection.Name)]
public class OpenApiLintTests(InProcessHost host)
{
    [Fact]
    public async Task A_standard_linter_finds_no_error_in_the_served_document()
    {
        using var document = await ServedDocument.FetchAsync(host);

        var (_, output, errors) = await NodeTool.Redocly.RunAsync(TimeSpan.FromMinutes(2), "lint", document.Path, "--format", "json", "--max-problems", "1000");

        Assert.True(output.TrimStart().StartsWith('{'), $"redocly printed no report: {output}{errors}");
        var report = JsonDocument.Parse(output).RootElement;
        var problems = report.GetProperty("problems").EnumerateArray().Select(p => new Problem(
            p.GetProperty("severity").GetString()!,
            p.GetProperty("ruleId").GetString()!,
            p.GetProperty("location")[0].GetProperty("pointer").GetString()!,
            p.GetProperty("message").GetString()!)).ToList();
        Assert.True(report.GetProperty("totals").GetProperty("errors").GetInt32() == 0, $"redocly lint found errors:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        var unexplained = problems.Where(p => !Accepted(p)).ToList();
        Assert.True(unexplained.Count == 0, $"redocly lint found new warnings:{Environment.NewLine}{string.Join(Environment.NewLine, unexplained)}");
    }

    /// <summary>The warnings that stay, each for a reason.</summary>
    private static bool Accepted(Problem problem) => (problem.Rule, problem.Pointer) switch
    {
        // The project declares no license.
        ("info-license", "#/info") => true,
        // /health answers 200 or nothing at all.
        ("operation-4xx-response", "#/paths/~1health/get/responses") => true,
        // A criteria node is exactly one of its keys: oneOf alternatives that only require one of the properties the
        // schema itself defines (the rule looks for them in the alternative), which keeps generated clients' criteria one plain type.
        ("no-required-schema-properties-undefined", var pointer) => pointer.StartsWith("#/components/schemas/SegmentCriteria/oneOf/", StringComparison.Ordinal),
        _ => false,
    };

    private sealed record Problem(string Severity, string Rule, string Pointer, string Message)
    {
        public override string ToString() => $"{Severity} {Rule} at {Pointer}: {Message}";
    }
}
