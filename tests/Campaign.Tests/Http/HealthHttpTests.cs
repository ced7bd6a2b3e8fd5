using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Campaign.Tests.Http;

public class HealthHttpTests
{
    [Fact]
    public async Task Live_and_ready_answer_without_a_key_and_ready_follows_the_storage()
    {
        var host = new InProcessHost();
        await host.InitializeAsync();
        try
        {
            using (var health = await host.Anonymous.GetAsync("/health"))
            {
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }

            await AssertStatusAsync(host.Anonymous, "/health/live", HttpStatusCode.OK, "Healthy");
            var ready = await AssertStatusAsync(host.Anonymous, "/health/ready", HttpStatusCode.OK, "Healthy");
            foreach (var check in new[] { "silo", "storage", "telephony" })
            {
                Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty(check).GetProperty("status").GetString());
            }

            // The SQLite file goes away (a lost volume): not ready, still live; back again, ready again.
            var moved = host.DatabasePath + ".away";
            File.Move(host.DatabasePath, moved);
            try
            {
                var down = await AssertStatusAsync(host.Anonymous, "/health/ready", HttpStatusCode.ServiceUnavailable, "Unhealthy");
                Assert.Equal("Unhealthy", down.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
                Assert.Equal("Healthy", down.GetProperty("checks").GetProperty("silo").GetProperty("status").GetString());
                await AssertStatusAsync(host.Anonymous, "/health/live", HttpStatusCode.OK, "Healthy");
            }
            finally
            {
                File.Move(moved, host.DatabasePath);
            }

            await AssertStatusAsync(host.Anonymous, "/health/ready", HttpStatusCode.OK, "Healthy");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Ready_is_false_before_the_silo_is_active()
    {
        var host = new InProcessHost();
        await using var app = host.Build();
        var health = app.Services.GetRequiredService<HealthCheckService>();

        var report = await health.CheckHealthAsync(c => c.Tags.Contains("ready"));

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["silo"].Status);
    }

    private static async Task<JsonElement> AssertStatusAsync(HttpClient client, string path, HttpStatusCode expected, string status)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path}: {response.StatusCode} {body}");
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, json.GetProperty("status").GetString());
        return json;
    }
}
