using Campaign.Telephony.Acs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.Tests.Acs;

/// <summary>The callback JWT check against the keys the fake ACS publishes through its OpenID configuration.</summary>
public sealed class AcsJwtValidatorTests : IAsyncLifetime
{
    private readonly FakeAcs _acs = new() { PlayCallees = false };
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly HttpClient _http = new();

    public Task InitializeAsync() => _acs.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _acs.DisposeAsync();
    }

    private AcsJwtValidator Validator(string? openIdUrl = null) => new(
        new AcsJwtOptions { Enabled = true, Audience = FakeAcs.ResourceId, OpenIdConfigurationUrl = openIdUrl ?? _acs.OpenIdConfigurationUrl },
        _http,
        _clock,
        NullLogger<AcsJwtValidator>.Instance);

    [Fact]
    public async Task Rolled_over_keys_are_fetched_again_when_a_token_names_an_unknown_key()
    {
        var validator = Validator();
        Assert.True(await validator.IsValidAsync(_acs.IssueToken()));

        var old = _acs.SigningKey;
        _acs.SigningKey = FakeAcs.NewKey("fake-acs-key-2");
        var rolled = _acs.IssueToken();

        // Right after a fetch the cached keys stand; a little later an unknown key triggers a fresh fetch.
        Assert.False(await validator.IsValidAsync(rolled));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await validator.IsValidAsync(rolled));
        Assert.False(await validator.IsValidAsync(_acs.IssueToken(key: old)));
    }

    [Fact]
    public async Task Tokens_are_refused_when_the_keys_cannot_be_read()
    {
        var validator = Validator($"{_acs.Endpoint}/calling/.well-known/nothing-here");
        Assert.False(await validator.IsValidAsync(_acs.IssueToken()));
    }
}
