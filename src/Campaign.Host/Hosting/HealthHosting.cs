using System.Text.Json;
using Azure.Data.Tables;
using Campaign.Abstractions.Telephony;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Campaign.Host.Hosting;

/// <summary>
/// Probes for orchestrators, needing no API key: <c>/health/live</c> answers while the process serves requests;
/// <c>/health/ready</c> only while this silo is active in its cluster, its storage answers and telephony is configured.
/// <c>/health</c> stays what it was (the process is up).
/// </summary>
public static class HealthHosting
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string Ready = "ready";

    public static void AddCampaignHealthChecks(this IServiceCollection services, string? sqlitePath, AzureStorageSettings? azure)
    {
        services.AddSingleton(new StorageProbe(sqlitePath, azure));
        services.AddHealthChecks()
            .AddCheck<SiloActiveHealthCheck>("silo", tags: [Ready])
            .AddCheck<StorageHealthCheck>("storage", tags: [Ready], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<TelephonyHealthCheck>("telephony", tags: [Ready]);
    }

    public static void MapCampaignHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
    }

    /// <summary><c>{"status":"Healthy","checks":{"silo":{"status":"Healthy","description":"…"}}}</c>; 503 when not healthy.</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        http.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, cancellationToken: http.RequestAborted);
    }
}

/// <summary>Ready only once this silo is active in the cluster's membership (not while joining or shutting down).</summary>
internal sealed class SiloActiveHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {silo.SiloAddress} is active")
            : HealthCheckResult.Unhealthy($"silo {silo.SiloAddress} is {status}"));
    }
}

/// <summary>Ready only while the configured storage answers a trivial read.</summary>
internal sealed class StorageHealthCheck(StorageProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return HealthCheckResult.Healthy(await probe.ReadAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"storage cannot be read: {ex.Message}");
        }
    }
}

/// <summary>A trivial read from the store: a fresh connection to the SQLite file (never creating it), or one entity of the grain-state table.</summary>
internal sealed class StorageProbe(string? sqlitePath, AzureStorageSettings? azure)
{
    public async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        if (azure is not null)
        {
            var table = azure.Tables.GetTableClient(azure.GrainStateTable);
            await using var pages = table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken)
                .AsPages().GetAsyncEnumerator(cancellationToken);
            await pages.MoveNextAsync();
            return $"Azure table {azure.GrainStateTable} answers";
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = sqlitePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master";
        await command.ExecuteScalarAsync(cancellationToken);
        return $"SQLite file {sqlitePath} answers";
    }
}

/// <summary>Ready only with a telephony provider in place (the simulator counts: it is what was configured).</summary>
internal sealed class TelephonyHealthCheck(IServiceProvider services, IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var provider = configuration["Telephony:Provider"] is { Length: > 0 } name ? name : "Simulator";
        return Task.FromResult(services.GetService<ITelephony>() is not null
            ? HealthCheckResult.Healthy($"telephony: {provider}")
            : HealthCheckResult.Unhealthy($"telephony provider '{provider}' is not configured"));
    }
}
