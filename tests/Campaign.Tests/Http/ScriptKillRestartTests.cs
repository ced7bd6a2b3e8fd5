using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Http;

/// <summary>Saved script versions survive SIGKILL, and demo scripts are seeded once.</summary>
public class ScriptKillRestartTests : IDisposable
{
    private readonly TempDatabase _file = new();

    [Fact]
    public async Task Script_versions_survive_kill_minus_nine_and_demo_scripts_are_seeded_once()
    {
        const string Script = """
            { "id": "kill-test", "name": "Kill test", "persona": { "agentName": "Alex", "company": "City Power" },
              "goal": "g", "opening": "Hello {{customer.firstName}}", "closing": "Bye", "disclosure": "I'm an automated assistant." }
            """;
        await using (var first = await HostProcess.StartAsync(_file.Path, "--Demo:Seed", "true"))
        {
            var demo = await first.Client.GetFromJsonAsync<JsonElement>("/api/scripts");
            Assert.Equal(3, demo.GetArrayLength());

            var created = await first.Client.PostAsync("/api/scripts", Json(Script));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var updated = await first.Client.PutAsync("/api/scripts/kill-test", Json(Script.Replace("\"Bye\"", "\"Goodbye\"")));
            updated.EnsureSuccessStatusCode();

            await first.KillAsync();
        }

        await using var second = await HostProcess.StartAsync(_file.Path, "--Demo:Seed", "true");
        var scripts = await second.Client.GetFromJsonAsync<JsonElement>("/api/scripts");
        Assert.Equal(4, scripts.GetArrayLength());
        Assert.Equal(2, scripts.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "kill-test").GetProperty("latestVersion").GetInt32());
        Assert.Equal("Bye", (await second.Client.GetFromJsonAsync<JsonElement>("/api/scripts/kill-test?version=1")).GetProperty("closing").GetString());
        Assert.Equal("Goodbye", (await second.Client.GetFromJsonAsync<JsonElement>("/api/scripts/kill-test")).GetProperty("closing").GetString());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public void Dispose() => _file.Dispose();
}
