using Campaign.Telephony.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.UnitTests;

public class SimulatedCalendarTests
{
    private static readonly DateTimeOffset Monday8 = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_calendar_starts_where_it_is_told_and_runs_at_its_speed()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 22, 0, 0, TimeSpan.Zero));
        var calendar = new SimulatedCalendar(Monday8, 3_600, real);
        var started = calendar.GetTimestamp();

        real.Advance(TimeSpan.FromSeconds(2.5));

        Assert.Equal(Monday8.AddHours(2.5), calendar.GetUtcNow());
        Assert.Equal(TimeSpan.FromHours(2.5), calendar.GetElapsedTime(started));
    }

    [Fact]
    public async Task A_simulated_wait_takes_its_real_share_and_a_timer_changed_later_is_scaled_too()
    {
        var real = new FakeTimeProvider(Monday8);
        var calendar = new SimulatedCalendar(Monday8, 600, real);
        var wait = Task.Delay(TimeSpan.FromMinutes(10), calendar);

        real.Advance(TimeSpan.FromSeconds(0.9));
        Assert.False(wait.IsCompleted, "ten simulated minutes are a real second at 600×");
        real.Advance(TimeSpan.FromSeconds(0.1));
        await wait.WaitAsync(TimeSpan.FromSeconds(5));

        var ticks = 0;
        using var timer = calendar.CreateTimer(_ => ticks++, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        timer.Change(TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        real.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(1, ticks);
        real.Advance(TimeSpan.FromSeconds(12));
        Assert.Equal(3, ticks);
    }

    [Fact]
    public void Without_settings_the_engine_keeps_the_real_clock()
    {
        Assert.Null(SimulatedCalendarSettings.Read(Configuration(), TimeProvider.System));
    }

    [Fact]
    public void Settings_give_the_calendar_and_the_start_defaults_to_now()
    {
        var real = new FakeTimeProvider(Monday8);

        var configured = SimulatedCalendarSettings.Read(Configuration(("Start", "2026-12-07T20:30:00-05:00"), ("Speed", "2400")), real)!;
        var fromNow = SimulatedCalendarSettings.Read(Configuration(("Speed", "60")), real)!;

        Assert.Equal((new DateTimeOffset(2026, 12, 8, 1, 30, 0, TimeSpan.Zero), 2400.0), (configured.Start, configured.Speed));
        Assert.Equal((Monday8, 60.0), (fromNow.Start, fromNow.Speed));
    }

    [Theory]
    [InlineData("Speed", "0.5", "Telephony:Simulator:Calendar:Speed")]
    [InlineData("Speed", "fast", "Telephony:Simulator:Calendar:Speed")]
    [InlineData("Speed", "100000", "Telephony:Simulator:Calendar:Speed")]
    [InlineData("Start", "next monday", "Telephony:Simulator:Calendar:Start")]
    public void A_bad_setting_stops_the_start_naming_its_key(string key, string value, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SimulatedCalendarSettings.Read(Configuration((key, value)), TimeProvider.System));

        Assert.Contains(named, error.Message);
    }

    [Theory]
    [InlineData("Twilio")]
    [InlineData("Acs")]
    public void Real_telephony_refuses_a_simulated_calendar(string provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telephony:Provider"] = provider,
            ["Telephony:Simulator:Calendar:Speed"] = "600",
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => SimulatedCalendarSettings.Read(configuration, TimeProvider.System));

        Assert.Contains("real calls follow the real clock", error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] calendar) =>
        new ConfigurationBuilder().AddInMemoryCollection(
            calendar.Select(s => KeyValuePair.Create<string, string?>($"{SimulatedCalendarSettings.Section}:{s.Key}", s.Value))).Build();
}
