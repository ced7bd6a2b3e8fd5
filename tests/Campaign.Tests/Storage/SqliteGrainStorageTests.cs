using System.Text.Json;
using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;
using Orleans.Runtime;
using Orleans.Storage;

namespace Campaign.Tests.Storage;

public class SqliteGrainStorageTests : IDisposable
{
    private readonly TempDatabase _file = new();

    public sealed class Counter
    {
        public int Value { get; set; }
    }

    private sealed class JsonSerializer : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input);

        public T Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>()!;
    }

    private SqliteGrainStorage NewStorage() => new(_file.Open(), new JsonSerializer(), TimeProvider.System);

    private static readonly GrainId Grain = GrainId.Create("counter", "c-1");

    [Fact]
    public async Task A_written_state_is_read_back_by_a_new_storage_over_the_same_file()
    {
        var state = new GrainState<Counter>(new Counter { Value = 41 });
        await NewStorage().WriteStateAsync("counters", Grain, state);

        var read = new GrainState<Counter>();
        await NewStorage().ReadStateAsync("counters", Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(41, read.State!.Value);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task A_missing_state_reads_as_new_without_etag()
    {
        var read = new GrainState<Counter>();
        await NewStorage().ReadStateAsync("counters", GrainId.Create("counter", "nobody"), read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal(0, read.State!.Value);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        var storage = NewStorage();
        var first = new GrainState<Counter>(new Counter { Value = 1 });
        await storage.WriteStateAsync("counters", Grain, first);
        var stale = new GrainState<Counter>(new Counter { Value = 1 }) { ETag = first.ETag };
        first.State!.Value = 2;
        await storage.WriteStateAsync("counters", Grain, first);

        stale.State!.Value = 99;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("counters", Grain, stale));
        var fresh = new GrainState<Counter>(new Counter { Value = 5 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("counters", Grain, fresh));

        var read = new GrainState<Counter>();
        await storage.ReadStateAsync("counters", Grain, read);
        Assert.Equal(2, read.State!.Value);
    }

    [Fact]
    public async Task Clearing_removes_the_row_and_states_are_kept_apart_by_name_and_grain()
    {
        var storage = NewStorage();
        var a = new GrainState<Counter>(new Counter { Value = 1 });
        var b = new GrainState<Counter>(new Counter { Value = 2 });
        var other = new GrainState<Counter>(new Counter { Value = 3 });
        await storage.WriteStateAsync("counters", Grain, a);
        await storage.WriteStateAsync("other-name", Grain, b);
        await storage.WriteStateAsync("counters", GrainId.Create("counter", "c-2"), other);

        await storage.ClearStateAsync("counters", Grain, a);

        var read = new GrainState<Counter>();
        await storage.ReadStateAsync("counters", Grain, read);
        Assert.False(read.RecordExists);
        await storage.ReadStateAsync("other-name", Grain, read);
        Assert.Equal(2, read.State!.Value);
        await storage.ReadStateAsync("counters", GrainId.Create("counter", "c-2"), read);
        Assert.Equal(3, read.State!.Value);
    }

    public void Dispose() => _file.Dispose();
}
