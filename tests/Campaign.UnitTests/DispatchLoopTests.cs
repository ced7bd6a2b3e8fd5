using Campaign.Grains.Campaigns;
using Campaign.UnitTests.Support;

namespace Campaign.UnitTests;

/// <summary>One dispatch pass at a time, recovery first, and a failed run logged rather than thrown.</summary>
public class DispatchLoopTests
{
    private readonly RecordingLogger _logger = new();
    private readonly List<string> _runs = [];
    private bool _running = true;

    private DispatchLoop Loop(Func<Task>? recover = null, Func<Task>? dispatchOnce = null) => new(
        "c",
        recover ?? (() => Run("recover")),
        dispatchOnce ?? (() => Run("pass")),
        () => _running,
        _logger);

    private Task Run(string what)
    {
        _runs.Add(what);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_first_run_recovers_before_its_pass_and_later_runs_do_not()
    {
        var loop = Loop();

        await loop.RunAsync();
        await loop.RunAsync();

        Assert.Equal(["recover", "pass", "pass"], _runs);
    }

    [Fact]
    public async Task A_started_campaign_has_nothing_to_recover()
    {
        var loop = Loop();
        loop.Recovered();

        await loop.RunAsync();

        Assert.Equal(["pass"], _runs);
    }

    [Fact]
    public async Task Requests_during_a_pass_make_one_more_pass_after_it_not_one_alongside()
    {
        var gate = new TaskCompletionSource();
        var passes = 0;
        DispatchLoop loop = null!;
        loop = Loop(dispatchOnce: async () =>
        {
            if (++passes == 1)
            {
                loop.Request();
                loop.Request();
                await gate.Task;
            }
        });
        loop.Recovered();

        var first = loop.RunAsync();
        await loop.RunAsync(); // the timer ticks meanwhile: it asks for another pass and returns
        Assert.Equal(1, passes);
        gate.SetResult();
        await first;

        Assert.Equal(2, passes);
    }

    [Fact]
    public async Task No_pass_is_repeated_once_the_campaign_stops_running()
    {
        var passes = 0;
        DispatchLoop loop = null!;
        loop = Loop(dispatchOnce: () =>
        {
            passes++;
            loop.Request(); // asks for another pass, which the stop below cancels
            _running = false;
            return Task.CompletedTask;
        });
        loop.Recovered();

        await loop.RunAsync();
        loop.Request();

        Assert.Equal(1, passes);
    }

    [Fact]
    public async Task A_failed_recovery_is_logged_and_tried_again_on_the_next_run_before_any_pass()
    {
        var attempts = 0;
        var loop = Loop(recover: () => ++attempts == 1 ? throw new InvalidOperationException("store down") : Run("recover"));

        await loop.RunAsync();
        Assert.Empty(_runs);
        Assert.Equal(["Campaign c: dispatch failed: store down"], _logger.Messages);

        await loop.RunAsync();
        Assert.Equal(["recover", "pass"], _runs);
    }

    [Fact]
    public async Task A_failed_pass_is_logged_and_the_next_run_passes_again()
    {
        var passes = 0;
        var loop = Loop(dispatchOnce: () => ++passes == 1 ? throw new InvalidOperationException("trunk unreachable") : Task.CompletedTask);
        loop.Recovered();

        await loop.RunAsync();
        await loop.RunAsync();

        Assert.Equal(2, passes);
        Assert.Equal(["Campaign c: dispatch failed: trunk unreachable"], _logger.Messages);
    }
}
