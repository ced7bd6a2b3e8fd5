using System.Net;
using System.Net.Sockets;
using Campaign.Host.Hosting;

namespace Campaign.Tests.Deployment;

/// <summary><c>--health-check</c>, the container image's HEALTHCHECK: exit 0 only when the liveness probe answers 2xx.</summary>
public class HealthCheckCommandTests
{
    [Theory]
    [InlineData(200, 0)]
    [InlineData(503, 1)]
    public async Task The_exit_code_follows_the_probes_answer(int status, int exitCode)
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serve = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            Assert.Equal(HealthHosting.LivePath, context.Request.Url!.AbsolutePath);
            context.Response.StatusCode = status;
            context.Response.Close();
        });

        Assert.Equal(exitCode, await HealthCheckCommand.RunAsync($"http://127.0.0.1:{port}{HealthHosting.LivePath}", TimeSpan.FromSeconds(5)));
        await serve;
    }

    [Fact]
    public async Task Nothing_listening_is_unhealthy()
    {
        Assert.Equal(1, await HealthCheckCommand.RunAsync($"http://127.0.0.1:{FreePort()}{HealthHosting.LivePath}", TimeSpan.FromSeconds(5)));
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
