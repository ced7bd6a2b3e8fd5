using Campaign.Host.Security;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.UnitTests;

public class LoginThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly LoginThrottle _throttle;

    public LoginThrottleTests() => _throttle = new LoginThrottle(_clock, new LoginThrottleOptions
    {
        MaxFailuresPerUser = 5,
        MaxFailuresPerAddress = 20,
        FirstLockout = TimeSpan.FromSeconds(30),
        MaxLockout = TimeSpan.FromMinutes(15),
        ForgetAfter = TimeSpan.FromHours(1),
    });

    private void Fail(int times, string user, string address)
    {
        for (var i = 0; i < times; i++)
        {
            _throttle.RecordFailure(user, address);
        }
    }

    [Fact]
    public void Four_failures_are_free_and_the_fifth_locks_the_user_for_thirty_seconds()
    {
        Fail(4, "ops", "10.0.0.1");
        Assert.Null(_throttle.LockedFor("ops", "10.0.0.1"));

        Assert.Equal(TimeSpan.FromSeconds(30), _throttle.RecordFailure("ops", "10.0.0.1"));
        Assert.Equal(TimeSpan.FromSeconds(30), _throttle.LockedFor("ops", "10.0.0.9"));
        Assert.Equal(TimeSpan.FromSeconds(30), _throttle.LockedFor(" OPS ", null));

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(_throttle.LockedFor("ops", "10.0.0.1"));
    }

    [Fact]
    public void Each_further_failure_doubles_the_lockout_up_to_the_cap()
    {
        Fail(5, "ops", "10.0.0.1");
        var lockouts = new List<TimeSpan?>();
        for (var i = 0; i < 7; i++)
        {
            _clock.Advance(_throttle.LockedFor("ops", "10.0.0.1")!.Value);
            lockouts.Add(_throttle.RecordFailure("ops", "10.0.0.1"));
        }

        Assert.Equal(
            [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15)],
            lockouts);
    }

    [Fact]
    public void An_address_trying_many_user_names_is_locked_for_all_of_them()
    {
        for (var i = 0; i < 19; i++)
        {
            _throttle.RecordFailure($"guess{i}", "10.0.0.7");
        }

        Assert.Null(_throttle.LockedFor("ops", "10.0.0.7"));
        Assert.NotNull(_throttle.RecordFailure("guess19", "10.0.0.7"));

        Assert.NotNull(_throttle.LockedFor("ops", "10.0.0.7"));
        Assert.Null(_throttle.LockedFor("ops", "10.0.0.8"));
    }

    [Fact]
    public void A_successful_sign_in_clears_the_count()
    {
        Fail(4, "ops", "10.0.0.1");
        _throttle.RecordSuccess("ops", "10.0.0.1");

        Fail(4, "ops", "10.0.0.1");

        Assert.Null(_throttle.LockedFor("ops", "10.0.0.1"));
    }

    [Fact]
    public void Old_failures_are_forgotten()
    {
        Fail(4, "ops", "10.0.0.1");
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Null(_throttle.RecordFailure("ops", "10.0.0.1"));
    }

    [Fact]
    public void A_flood_of_made_up_user_names_stays_bounded()
    {
        for (var i = 0; i < LoginThrottle.MaxTracked * 2; i++)
        {
            _throttle.RecordFailure($"user{i}", null);
        }

        Assert.InRange(_throttle.Tracked, 1, LoginThrottle.MaxTracked);
    }
}
