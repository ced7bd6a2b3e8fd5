using Campaign.Abstractions.Segments;

namespace Campaign.Tests.Grains;

[Collection(SqliteClusterCollection.Name)]
public class SegmentCatalogGrainTests(SqliteClusterFixture fixture)
{
    private ISegmentCatalogGrain Catalog => fixture.Grains.GetGrain<ISegmentCatalogGrain>(ISegmentCatalogGrain.Key);

    [Fact]
    public async Task Saved_segments_survive_the_grain_being_deactivated()
    {
        var name = "Riverside " + Guid.NewGuid().ToString("N")[..6];
        var created = await Catalog.CreateAsync(name, "everyone in Riverside", """{ "area": ["Riverside"] }""");

        await fixture.Cluster.DeactivateAsync(Catalog);

        var reloaded = await Catalog.GetAsync(created.Id);
        Assert.Equal(created, reloaded);
        Assert.Contains(await Catalog.ListAsync(), s => s.Id == created.Id);
    }

    [Fact]
    public async Task Names_are_unique_without_regard_to_case()
    {
        var name = "Unique " + Guid.NewGuid().ToString("N")[..6];
        await Catalog.CreateAsync(name, null, """{ "tag": "vip" }""");

        await Assert.ThrowsAsync<SegmentNameTakenException>(() => Catalog.CreateAsync(name.ToUpperInvariant(), null, """{ "tag": "vip" }"""));
    }

    [Fact]
    public async Task Update_and_delete_change_only_the_named_segment()
    {
        var keep = await Catalog.CreateAsync("Keep " + Guid.NewGuid().ToString("N")[..6], null, """{ "tag": "a" }""");
        var change = await Catalog.CreateAsync("Change " + Guid.NewGuid().ToString("N")[..6], null, """{ "tag": "b" }""");

        var updated = await Catalog.UpdateAsync(change.Id, change.Name + " v2", "new", """{ "tag": "c" }""");
        Assert.Equal("""{ "tag": "c" }""", updated!.CriteriaJson);
        Assert.True(await Catalog.DeleteAsync(change.Id));
        Assert.False(await Catalog.DeleteAsync(change.Id));
        Assert.Null(await Catalog.UpdateAsync(change.Id, "x", null, """{ "tag": "c" }"""));
        Assert.Equal(keep, await Catalog.GetAsync(keep.Id));
    }

    [Fact]
    public async Task Invalid_criteria_are_refused_and_nothing_is_saved()
    {
        var before = await Catalog.ListAsync();
        await Assert.ThrowsAsync<SegmentCriteriaException>(() => Catalog.CreateAsync("Broken " + Guid.NewGuid(), null, """{ "colour": "red" }"""));
        Assert.Equal(before.Count, (await Catalog.ListAsync()).Count);
    }
}
