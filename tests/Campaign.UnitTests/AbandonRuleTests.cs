using Campaign.Grains.Compliance;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.UnitTests;

public class AbandonRuleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 14, 0, 0, TimeSpan.Zero));
    private readonly AbandonWindow _window = new();
    private readonly AbandonRule _rule = new(TimeSpan.FromSeconds(2), maxRate: 0.03, minAnsweredCalls: 20);

    private void Answer(int calls, bool abandoned)
    {
        for (var i = 0; i < calls; i++)
        {
            AbandonRule.Record(_window, _clock.GetUtcNow(), abandoned);
        }
    }

    [Fact]
    public void A_call_first_heard_within_two_seconds_is_not_abandoned_and_a_later_or_silent_one_is()
    {
        var answered = _clock.GetUtcNow();

        Assert.False(_rule.IsAbandoned(answered, answered.AddMilliseconds(2000)));
        Assert.True(_rule.IsAbandoned(answered, answered.AddMilliseconds(2001)));
        Assert.True(_rule.IsAbandoned(answered, null));
        Assert.Equal(640, AbandonRule.FirstAudioMs(answered, answered.AddMilliseconds(640)));
        Assert.Null(AbandonRule.FirstAudioMs(answered, null));
    }

    [Fact]
    public void The_time_to_first_audio_is_the_mean_over_the_calls_whose_agent_was_heard_in_the_window()
    {
        Assert.Null(AbandonRule.AverageFirstAudioMs(_window, _clock.GetUtcNow()));
        AbandonRule.Record(_window, _clock.GetUtcNow(), abandoned: false, firstAudioMs: 400);
        AbandonRule.Record(_window, _clock.GetUtcNow(), abandoned: true, firstAudioMs: 2600);
        AbandonRule.Record(_window, _clock.GetUtcNow(), abandoned: true, firstAudioMs: null);
        Assert.Equal(1500, AbandonRule.AverageFirstAudioMs(_window, _clock.GetUtcNow()));

        _clock.Advance(TimeSpan.FromDays(AbandonRule.WindowDays));
        AbandonRule.Record(_window, _clock.GetUtcNow(), abandoned: false, firstAudioMs: 300);
        Assert.Equal(300, AbandonRule.AverageFirstAudioMs(_window, _clock.GetUtcNow()));
    }

    [Fact]
    public void The_rate_is_abandoned_calls_over_answered_calls_of_the_window()
    {
        Answer(3, abandoned: true);
        Answer(97, abandoned: false);

        Assert.Equal(0.03, AbandonRule.Rate(_window, _clock.GetUtcNow()), 6);
        Assert.Equal(0, AbandonRule.Rate(new AbandonWindow(), _clock.GetUtcNow()));
    }

    [Fact]
    public void Below_the_minimum_sample_even_all_silent_calls_do_not_pause()
    {
        Answer(19, abandoned: true);

        Assert.Null(_rule.PauseReason(_window, _clock.GetUtcNow()));
        Answer(1, abandoned: false);
        Assert.NotNull(_rule.PauseReason(_window, _clock.GetUtcNow()));
    }

    [Fact]
    public void Reaching_the_limit_pauses_with_a_reason_naming_the_rate_and_the_limit()
    {
        Answer(97, abandoned: false);
        Answer(2, abandoned: true);
        Assert.Null(_rule.PauseReason(_window, _clock.GetUtcNow()));

        Answer(1, abandoned: true);

        var reason = _rule.PauseReason(_window, _clock.GetUtcNow());
        Assert.Equal("abandoned-call rate 3% over the last 30 days (3 of 100 answered calls) reached the limit of 3%", reason);
    }

    [Fact]
    public void Calls_older_than_thirty_days_leave_the_rate()
    {
        Answer(20, abandoned: true);
        _clock.Advance(TimeSpan.FromDays(10));
        Answer(20, abandoned: false);
        Assert.Equal(0.5, AbandonRule.Rate(_window, _clock.GetUtcNow()), 6);

        _clock.Advance(TimeSpan.FromDays(20));

        Assert.Equal(0, AbandonRule.Rate(_window, _clock.GetUtcNow()));
        Assert.Null(_rule.PauseReason(_window, _clock.GetUtcNow()));
        Answer(1, abandoned: false);
        Assert.Equal((21, 0), AbandonRule.Counts(_window, _clock.GetUtcNow()));
        Assert.Equal(2, _window.Days.Count); // the day that left the window is forgotten
    }
}
