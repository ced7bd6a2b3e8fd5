using Campaign.Abstractions.Schedules;

namespace Campaign.Grains.Schedules;

[GenerateSerializer, Alias("Campaign.ScheduleState")]
public sealed class ScheduleState
{
    [Id(0)]
    public ScheduleDefinition? Definition { get; set; }

    [Id(1)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(2)]
    public bool Active { get; set; }

    /// <summary>The occurrence the schedule waits for; null when none is left.</summary>
    [Id(3)]
    public DateTimeOffset? NextDue { get; set; }

    [Id(4)]
    public List<ScheduleRun> Runs { get; set; } = [];
}
