using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;
using Orleans;
using Orleans.Runtime;

namespace Campaign.Tests.Storage;

public class SqliteReminderTableTests : IDisposable
{
    private readonly TempDatabase _file = new();

    private SqliteReminderTable NewTable() => new(_file.Open());

    private static readonly DateTime Start = new(2026, 3, 1, 9, 30, 15, 250, DateTimeKind.Utc);

    private static ReminderEntry Entry(GrainId grain, string name, int periodSeconds = 60) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = Start,
        Period = TimeSpan.FromSeconds(periodSeconds),
    };

    [Fact]
    public async Task An_upserted_reminder_is_read_back_by_grain_and_by_name()
    {
        var table = NewTable();
        var grain = GrainId.Create("caller", "c-1");
        var etag = await table.UpsertRow(Entry(grain, "retry", periodSeconds: 90));
        await table.UpsertRow(Entry(grain, "callback"));
        await table.UpsertRow(Entry(GrainId.Create("caller", "c-2"), "retry"));

        var row = await table.ReadRow(grain, "retry");
        Assert.NotNull(row);
        Assert.Equal((grain, "retry", Start, TimeSpan.FromSeconds(90), etag), (row.GrainId, row.ReminderName, row.StartAt, row.Period, row.ETag));
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);

        var rows = await table.ReadRows(grain);
        Assert.Equal(["callback", "retry"], rows.Reminders.Select(r => r.ReminderName).Order());
        Assert.Null(await table.ReadRow(grain, "nothing"));
        Assert.Empty((await table.ReadRows(GrainId.Create("caller", "nobody"))).Reminders);
    }

    [Fact]
    public async Task Every_upsert_changes_the_etag_and_only_the_current_etag_removes_the_row()
    {
        var table = NewTable();
        var grain = GrainId.Create("caller", "c-1");
        var first = await table.UpsertRow(Entry(grain, "retry"));
        var second = await table.UpsertRow(Entry(grain, "retry", periodSeconds: 120));
        Assert.NotEqual(first, second);

        Assert.False(await table.RemoveRow(grain, "retry", first!));
        Assert.False(await table.RemoveRow(grain, "retry", "not-an-etag"));
        Assert.Equal(TimeSpan.FromSeconds(120), (await table.ReadRow(grain, "retry"))!.Period);

        Assert.True(await table.RemoveRow(grain, "retry", second!));
        Assert.Null(await table.ReadRow(grain, "retry"));
        Assert.False(await table.RemoveRow(grain, "retry", second!));
    }

    [Fact]
    public async Task A_reminder_registered_again_after_removal_is_not_removed_by_the_old_etag()
    {
        var table = NewTable();
        var grain = GrainId.Create("caller", "c-1");
        var old = await table.UpsertRow(Entry(grain, "retry"));
        Assert.True(await table.RemoveRow(grain, "retry", old!));

        await table.UpsertRow(Entry(grain, "retry"));

        Assert.False(await table.RemoveRow(grain, "retry", old!));
        Assert.NotNull(await table.ReadRow(grain, "retry"));
    }

    [Fact]
    public async Task Range_reads_follow_the_ring_including_wrap_around()
    {
        var table = NewTable();
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("caller", $"r-{i}")).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "tick"));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        Assert.Contains(hashes, h => h > int.MaxValue);
        Assert.Contains(hashes, h => h <= int.MaxValue);

        async Task AssertRange(uint begin, uint end, Func<uint, bool> expected)
        {
            var read = (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order();
            Assert.Equal(hashes.Where(expected), read);
        }

        var (low, high) = (hashes[5], hashes[30]);
        await AssertRange(low, high, h => h > low && h <= high);
        await AssertRange(high, low, h => h > high || h <= low);
        await AssertRange(int.MaxValue, uint.MaxValue, h => h > int.MaxValue);
        await AssertRange(uint.MaxValue, int.MaxValue, h => h <= int.MaxValue);
        await AssertRange(low, low, _ => true);
        await AssertRange(0, 0, _ => true);
    }

    [Fact]
    public async Task Reminders_survive_a_new_table_over_the_same_file_and_clearing_removes_them_all()
    {
        var grain = GrainId.Create("caller", "c-1");
        var etag = await NewTable().UpsertRow(Entry(grain, "retry"));

        var reopened = NewTable();
        var row = await reopened.ReadRow(grain, "retry");
        Assert.Equal((Start, etag), (row!.StartAt, row.ETag));
        Assert.Single((await reopened.ReadRows(0, 0)).Reminders);

        await reopened.TestOnlyClearTable();
        Assert.Empty((await NewTable().ReadRows(0, 0)).Reminders);
    }

    public void Dispose() => _file.Dispose();
}
