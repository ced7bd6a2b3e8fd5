using Campaign.Grains.Webhooks;

namespace Campaign.UnitTests;

public class WebhookBackoffTests
{
    private readonly WebhookOptions _options = new();

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(8, 1280)]
    [InlineData(9, 2560)]
    [InlineData(10, 3600)]
    [InlineData(40, 3600)]
    public void Without_jitter_the_wait_doubles_from_ten_seconds_up_to_an_hour(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), WebhookBackoff.Delay(_options, failures, random: 0.5));

    [Fact]
    public void Jitter_spreads_the_wait_by_twenty_percent_either_way()
    {
        Assert.Equal(TimeSpan.FromSeconds(32), WebhookBackoff.Delay(_options, 3, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(48), WebhookBackoff.Delay(_options, 3, random: 1));
        var spread = Enumerable.Range(0, 200).Select(_ => WebhookBackoff.Delay(_options, 3, Random.Shared.NextDouble())).ToList();
        Assert.All(spread, d => Assert.InRange(d, TimeSpan.FromSeconds(32), TimeSpan.FromSeconds(48)));
        Assert.True(spread.Distinct().Count() > 10);
    }

    [Fact]
    public void The_default_schedule_makes_about_thirty_attempts_in_twenty_four_hours()
    {
        var elapsed = TimeSpan.Zero;
        var attempts = 1;
        while (elapsed + WebhookBackoff.Delay(_options, attempts, 0.5) <= _options.GiveUpAfter)
        {
            elapsed += WebhookBackoff.Delay(_options, attempts, 0.5);
            attempts++;
        }

        Assert.InRange(attempts, 28, 35);
    }
}
