using Campaign.Abstractions.Scripts;
using Campaign.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Campaign.Tests.Grains;

[Collection(SqliteClusterCollection.Name)]
public class ScriptGrainTests(SqliteClusterFixture fixture)
{
    private IScriptCatalogGrain Catalog => fixture.Grains.GetGrain<IScriptCatalogGrain>(IScriptCatalogGrain.Key);

    private IScriptGrain NewScript() => fixture.Grains.GetGrain<IScriptGrain>("scr-test-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Each_save_is_a_new_version_and_older_versions_stay_readable()
    {
        var script = NewScript();
        var v1 = await script.CreateAsync(TestScripts.Valid("Outage v1"));
        var v2 = await script.UpdateAsync(TestScripts.Valid("Outage v2") with { MaxTurns = 12 });

        Assert.Equal((1, 2), (v1.Version, v2!.Version));
        TestScripts.Same(v1, await script.GetAsync(1));
        TestScripts.Same(v2, await script.GetAsync());
        Assert.Equal(12, (await script.GetAsync(2))!.Definition.MaxTurns);
        Assert.Null(await script.GetAsync(3));
        Assert.Equal([(1, "Outage v1"), (2, "Outage v2")], (await script.ListVersionsAsync()).Select(v => (v.Version, v.Name)));

        var listed = (await Catalog.ListAsync()).Single(s => s.Id == script.GetPrimaryKeyString());
        Assert.Equal(("Outage v2", 2, v2.SavedAt), (listed.Name, listed.LatestVersion, listed.UpdatedAt));
    }

    [Fact]
    public async Task An_invalid_update_is_refused_with_every_error_and_changes_nothing()
    {
        var script = NewScript();
        var v1 = await script.CreateAsync(TestScripts.Valid());
        var broken = TestScripts.Valid() with { Opening = "Hi {{customer.nmae}}", Disclosure = "" };

        var refused = await Assert.ThrowsAsync<ScriptValidationException>(() => script.UpdateAsync(broken));

        Assert.Equal(["opening", "disclosure"], refused.Errors.Select(e => e.Field));
        Assert.StartsWith("opening: unknown variable {{customer.nmae}}", refused.Message);
        TestScripts.Same(v1, await script.GetAsync());
        Assert.Single(await script.ListVersionsAsync());
        Assert.Equal(1, (await Catalog.ListAsync()).Single(s => s.Id == v1.ScriptId).LatestVersion);
    }

    [Fact]
    public async Task An_invalid_script_is_never_created()
    {
        var script = NewScript();

        await Assert.ThrowsAsync<ScriptValidationException>(() => script.CreateAsync(TestScripts.Valid() with { Persona = new ScriptPersona("Alex", "") }));

        Assert.Null(await script.GetAsync());
        Assert.DoesNotContain(await Catalog.ListAsync(), s => s.Id == script.GetPrimaryKeyString());
    }

    [Fact]
    public async Task Versions_survive_the_grains_being_deactivated()
    {
        var script = NewScript();
        var v1 = await script.CreateAsync(TestScripts.Valid("Before"));
        var v2 = await script.UpdateAsync(TestScripts.Valid("After"));

        await fixture.Cluster.DeactivateAsync(script);
        await fixture.Cluster.DeactivateAsync(Catalog);

        TestScripts.Same(v1, await script.GetAsync(1));
        TestScripts.Same(v2, await script.GetAsync());
        Assert.Equal(2, (await Catalog.ListAsync()).Single(s => s.Id == v1.ScriptId).LatestVersion);
    }

    [Fact]
    public async Task A_script_the_catalog_never_heard_of_is_listed_once_its_grain_wakes_up()
    {
        var script = NewScript();
        var v1 = await script.CreateAsync(TestScripts.Valid());
        await fixture.Cluster.DeactivateAsync(script);
        await fixture.Cluster.DeactivateAsync(Catalog);
        await ForgetCatalogAsync(); // as if the process died between the script write and the catalog write
        Assert.DoesNotContain(await Catalog.ListAsync(), s => s.Id == v1.ScriptId);

        await script.GetAsync();

        Assert.Equal(1, (await Catalog.ListAsync()).Single(s => s.Id == v1.ScriptId).LatestVersion);
    }

    [Fact]
    public async Task Creating_twice_updating_an_unknown_script_and_stale_updates_are_refused()
    {
        var script = NewScript();
        await script.CreateAsync(TestScripts.Valid());

        await Assert.ThrowsAsync<ScriptAlreadyExistsException>(() => script.CreateAsync(TestScripts.Valid()));
        Assert.Null(await NewScript().UpdateAsync(TestScripts.Valid()));
        Assert.Equal(2, (await script.UpdateAsync(TestScripts.Valid(), expectedVersion: 1))!.Version);
        var conflict = await Assert.ThrowsAsync<ScriptVersionConflictException>(() => script.UpdateAsync(TestScripts.Valid(), expectedVersion: 1));
        Assert.Equal((1, 2), (conflict.ExpectedVersion, conflict.LatestVersion));
        Assert.Equal(2, (await script.GetAsync())!.Version);
    }

    [Fact]
    public async Task The_catalog_ignores_repeated_and_older_news()
    {
        var id = "scr-news-" + Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow;

        await Catalog.RecordAsync(new ScriptSummary(id, "Second", 2, now));
        await Catalog.RecordAsync(new ScriptSummary(id, "Second", 2, now));
        await Catalog.RecordAsync(new ScriptSummary(id, "First", 1, now.AddMinutes(-5)));

        Assert.Equal(new ScriptSummary(id, "Second", 2, now), Assert.Single(await Catalog.ListAsync(), s => s.Id == id));
    }

    private async Task ForgetCatalogAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM grain_state WHERE state_name = 'scripts'";
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
