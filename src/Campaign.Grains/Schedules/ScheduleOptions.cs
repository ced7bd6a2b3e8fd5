namespace Campaign.Grains.Schedules;

/// <summary>How schedules wake up (<c>Schedules:*</c>).</summary>
public sealed class ScheduleOptions
{
    /// <summary>How often a schedule's durable reminder checks whether a run is due (not below <c>Orleans:MinimumReminderPeriod</c>).</summary>
    public TimeSpan CheckPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
