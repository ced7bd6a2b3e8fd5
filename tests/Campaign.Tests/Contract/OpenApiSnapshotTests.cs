using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Campaign.Tests.Http;
using Campaign.Tests.Support;

namespace Campaign.Tests.Contract;

/// <summary>
/// The typed client in tests/Campaign.ApiClient is generated from a saved copy of the document: the copy must be what
/// the host serves, and the generated code what Kiota makes of the copy, so a change to the API that is not carried
/// into the client fails here. tools/openapi/generate-client.sh --snapshot brings both up to date.
/// </summary>
[Collection(InProcessHostCollection.Name)]
public class OpenApiSnapshotTests(InProcessHost host)
{
    private static readonly string ClientFolder = Path.Combine(RepositoryPaths.Root, "tests", "Campaign.ApiClient");
    private static readonly string SnapshotPath = Path.Combine(ClientFolder, "openapi.json");

    [Fact]
    public async Task The_saved_document_the_client_is_generated_from_is_the_one_the_host_serves()
    {
        var served = JsonNode.Parse(await host.Anonymous.GetStringAsync("/openapi/v1.json"))!.AsObject();
        // The server address is where this host happens to listen; clients set their own.
        served.Remove("servers");
        if (Environment.GetEnvironmentVariable("OPENAPI_SNAPSHOT_UPDATE") == "1")
        {
            await File.WriteAllTextAsync(SnapshotPath, served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        }

        var saved = JsonNode.Parse(await File.ReadAllTextAsync(SnapshotPath));
        Assert.True(
            JsonNode.DeepEquals(served, saved),
            "The API changed: run tools/openapi/generate-client.sh --snapshot to save the served document and regenerate the client.");
    }

    [Fact]
    public async Task The_generated_client_is_what_kiota_makes_of_the_saved_document()
    {
        var output = Path.Combine(Path.GetTempPath(), "campaign-kiota-" + Guid.NewGuid().ToString("N"));
        try
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryPaths.Root };
            foreach (var argument in new[]
            {
                "tool", "run", "kiota", "generate", "--language", "CSharp", "--openapi", SnapshotPath, "--output", output,
                "--class-name", "CampaignApiClient", "--namespace-name", "Campaign.ApiClient", "--exclude-backward-compatible", "--log-level", "Error",
            })
            {
                start.ArgumentList.Add(argument);
            }

            // Generation needs nothing but the file: no usage reports, and the update check goes to a closed loopback port.
            start.Environment["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true";
            start.Environment["HTTPS_PROXY"] = start.Environment["HTTP_PROXY"] = "http://127.0.0.1:9";
            start.Environment["NO_PROXY"] = "";
            var (exitCode, stdout, stderr) = await ToolProcess.RunAsync(start, TimeSpan.FromMinutes(2));
            Assert.True(exitCode == 0, $"kiota failed (is it restored? `dotnet tool restore`, which ./run-tests.sh runs): {stdout}{stderr}");

            var generated = Sources(Path.Combine(ClientFolder, "Generated"));
            var expected = Sources(output);
            Assert.Equal(expected.Keys.Order(), generated.Keys.Order());
            var stale = expected.Where(e => generated[e.Key] != e.Value).Select(e => e.Key).ToList();
            Assert.True(stale.Count == 0, $"Regenerate the client (tools/openapi/generate-client.sh); these differ: {string.Join(", ", stale)}");
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static Dictionary<string, string> Sources(string folder) => Directory
        .EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText);
}
