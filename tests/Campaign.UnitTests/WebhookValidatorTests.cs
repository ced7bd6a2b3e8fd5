using Campaign.Abstractions.Webhooks;
using Campaign.Grains.Webhooks;

namespace Campaign.UnitTests;

public class WebhookValidatorTests
{
    private const string Secret = "0123456789abcdef";
    private static readonly WebhookOptions Strict = new();
    private static readonly WebhookOptions Development = new() { AllowLoopbackHttp = true };

    private static WebhookException Refused(WebhookRegistration registration, WebhookOptions? options = null) =>
        Assert.Throws<WebhookException>(() => WebhookValidator.Validate(registration, options ?? Strict));

    [Fact]
    public void An_https_url_known_events_and_a_long_enough_secret_are_accepted()
    {
        var (url, events, secret) = WebhookValidator.Validate(
            new WebhookRegistration("https://crm.example.com/hooks?tenant=7", ["call.completed", "optOut", "call.completed"], Secret), Strict);

        Assert.Equal("https://crm.example.com/hooks?tenant=7", url.AbsoluteUri);
        Assert.Equal(["call.completed", "optOut"], events);
        Assert.Equal(Secret, secret);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("crm.example.com/hooks")]
    [InlineData("/hooks")]
    [InlineData("ftp://crm.example.com/hooks")]
    [InlineData("http://crm.example.com/hooks")]
    [InlineData("http://10.0.0.5/hooks")]
    [InlineData("https://user:pass@crm.example.com/hooks")]
    public void A_url_that_is_not_absolute_https_is_refused_naming_url(string? url) =>
        Assert.Equal("url", Refused(new WebhookRegistration(url, ["optOut"], Secret), Development).Field);

    [Theory]
    [InlineData("http://127.0.0.1:5000/hooks")]
    [InlineData("http://localhost/hooks")]
    [InlineData("http://[::1]:8080/hooks")]
    [InlineData("http://127.0.0.2/hooks")]
    public void Http_to_a_loopback_host_is_allowed_only_when_configured(string url)
    {
        Assert.Equal("url", Refused(new WebhookRegistration(url, ["optOut"], Secret)).Field);
        Assert.Equal(new Uri(url), WebhookValidator.Validate(new WebhookRegistration(url, ["optOut"], Secret), Development).Url);
    }

    [Fact]
    public void Events_must_be_present_and_known_and_the_error_names_the_index()
    {
        Assert.Equal("events", Refused(new WebhookRegistration("https://x.example/h", [], Secret)).Field);
        Assert.Equal("events", Refused(new WebhookRegistration("https://x.example/h", null, Secret)).Field);
        var unknown = Refused(new WebhookRegistration("https://x.example/h", ["call.completed", "call.started"], Secret));
        Assert.Equal("events[1]", unknown.Field);
        Assert.Contains("call.started", unknown.Message);
        Assert.Equal("events[0]", Refused(new WebhookRegistration("https://x.example/h", [null], Secret)).Field);
        Assert.Equal("events[0]", Refused(new WebhookRegistration("https://x.example/h", ["Call.Completed"], Secret)).Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("0123456789abcde")]
    public void A_missing_or_short_secret_is_refused_naming_secret(string? secret)
    {
        var refused = Refused(new WebhookRegistration("https://x.example/h", ["optOut"], secret));

        Assert.Equal("secret", refused.Field);
        Assert.Contains("16", refused.Message);
    }

    [Fact]
    public void The_secret_never_appears_in_an_error()
    {
        var refused = Refused(new WebhookRegistration("https://x.example/h", ["optOut"], "tiny-secret"));

        Assert.DoesNotContain("tiny-secret", refused.Message);
    }
}
