using Campaign.Abstractions.Storage;

namespace Campaign.Grains.Campaigns;

/// <summary>What the work list says of a campaign's progress: its counts, the customers due by zone and the skips by reason.</summary>
public sealed record WorkListSnapshot(WorkListCounts Counts, IReadOnlyDictionary<string, int> DueByZone, IReadOnlyDictionary<string, int> SkippedByReason);

/// <summary>
/// The work list's progress kept between dashboard reads, so that a read costs the same whatever the audience's size.
/// Only the campaign grain writes its work list: it says so after each write (<see cref="Changed"/>) and the next read
/// counts again. A retry falls due with time, not with a write, so a snapshot is also read again after
/// <see cref="MaxAge"/>. A write during a read leaves that read's counts unkept.
/// </summary>
public sealed class WorkListProgress(Func<DateTimeOffset, Task<WorkListSnapshot>> read)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private WorkListSnapshot? _snapshot;
    private DateTimeOffset _readAt;
    private long _version;

    public void Changed()
    {
        _version++;
        _snapshot = null;
    }

    public async Task<WorkListSnapshot> GetAsync(DateTimeOffset now)
    {
        if (_snapshot is { } kept && now - _readAt < MaxAge && now >= _readAt)
        {
            return kept;
        }

        var version = _version;
        var snapshot = await read(now);
        if (version == _version)
        {
            (_snapshot, _readAt) = (snapshot, now);
        }

        return snapshot;
    }
}
