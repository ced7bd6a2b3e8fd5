namespace Campaign.Abstractions.Schedules;

/// <summary>One schedule (key: schedule id); a durable reminder wakes it to start runs on time, across restarts.</summary>
[Alias("Campaign.IScheduleGrain")]
public interface IScheduleGrain : IGrainWithStringKey
{
    /// <summary>Saves and arms the schedule; throws <see cref="Campaigns.CampaignException"/> naming the bad field.</summary>
    [Alias("Create")]
    Task<ScheduleInfo> CreateAsync(ScheduleDefinition definition);

    [Alias("Get")]
    Task<ScheduleInfo?> GetAsync();

    /// <summary>Stops the schedule; its past runs stay. False when it did not exist.</summary>
    [Alias("Delete")]
    Task<bool> DeleteAsync();
}

/// <summary>The ids of all schedules (key <see cref="Key"/>).</summary>
[Alias("Campaign.IScheduleCatalogGrain")]
public interface IScheduleCatalogGrain : IGrainWithStringKey
{
    public const string Key = "schedules";

    [Alias("Add")]
    Task AddAsync(string scheduleId);

    [Alias("Remove")]
    Task RemoveAsync(string scheduleId);

    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();
}
