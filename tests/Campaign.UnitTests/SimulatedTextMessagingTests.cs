using System.Collections.Concurrent;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Telephony;
using Campaign.Telephony.Simulator;
using Campaign.UnitTests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Campaign.UnitTests;

/// <summary>The simulator's texts: reported sent, then delivered, to the call; seeded customers reply STOP.</summary>
public class SimulatedTextMessagingTests
{
    private readonly ConcurrentQueue<(string CallId, TextReport Report)> _reports = new();
    private readonly ConcurrentQueue<(string From, string Body)> _replies = new();

    private SimulatedTextMessaging Messaging(double stopShare)
    {
        var grains = Stub<IGrainFactory>.Of((method, args) => Stub<ICallGrain>.Of((callMethod, callArgs) =>
        {
            _reports.Enqueue(((string)args[0]!, (TextReport)callArgs[0]!));
            return Task.FromResult(true);
        }));
        var replies = Stub<ITextReplies>.Of((method, args) =>
        {
            _replies.Enqueue(((string)args[0]!, (string)args[1]!));
            return Task.FromResult(true);
        });
        var options = Options.Create(new SimulatorOptions { TextDeliveryDelay = TimeSpan.FromMilliseconds(20), TextStopShare = stopShare });
        return new SimulatedTextMessaging(grains, replies, options, TimeProvider.System, NullLogger<SimulatedTextMessaging>.Instance);
    }

    /// <summary>A number the seed delivers to (one in twenty is undelivered).</summary>
    private static string Delivered(int seed) =>
        Enumerable.Range(0, 100).Select(i => $"+1212555{i:D4}").First(n => (uint)Campaign.Telephony.Simulator.StableHash.Of(seed, "sms-delivery:" + n) % 20 != 0);

    [Fact]
    public async Task A_text_is_accepted_at_once_then_reported_sent_and_delivered_and_a_seeded_customer_replies_STOP()
    {
        var to = Delivered(new SimulatorOptions().Seed);

        var accepted = await Messaging(stopShare: 1).SendAsync(new OutgoingText("call-1-info", "call-1", to, "Hi"));

        Assert.Equal(("sim-call-1-info", TextStatus.Queued), (accepted.ProviderMessageId, accepted.Status));
        await WaitUntilAsync(() => !_replies.IsEmpty);
        Assert.Equal(
            [("call-1", new TextReport("call-1-info", TextStatus.Sent)), ("call-1", new TextReport("call-1-info", TextStatus.Delivered))],
            _reports.ToArray());
        Assert.Equal((to, "STOP"), Assert.Single(_replies));
    }

    [Fact]
    public void About_the_configured_share_of_numbers_reply_STOP()
    {
        var numbers = Enumerable.Range(0, 2000).Select(i => $"+1415555{i:D4}").ToList();

        var stopping = numbers.Count(n => SimulatedTextMessaging.RepliesStop(42, n, 0.2));

        Assert.InRange(stopping, 320, 480);
        Assert.DoesNotContain(numbers, n => SimulatedTextMessaging.RepliesStop(42, n, 0));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the simulated reports did not arrive within 5 s");
    }
}
