using System.Net;

namespace Campaign.Tests.Http;

/// <summary>Repeated wrong admin passwords lock sign-in, and while locked even the right password is refused.</summary>
public sealed class LoginThrottleHttpTests : IAsyncLifetime
{
    // A host of its own: the lockout also holds for the loopback address every other test signs in from.
    private readonly InProcessHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task After_five_wrong_passwords_the_right_one_is_refused_with_429_and_a_lockout_message()
    {
        for (var i = 0; i < 4; i++)
        {
            var (wrong, response) = await AdminSession.SignInAsync(_host.BaseAddress, InProcessHost.AdminUser, $"guess {i}");
            using (wrong)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }
        }

        var (fifth, locking) = await AdminSession.SignInAsync(_host.BaseAddress, InProcessHost.AdminUser, "guess 4");
        fifth.Dispose();
        Assert.Equal(HttpStatusCode.TooManyRequests, locking.StatusCode);

        var (session, right) = await AdminSession.SignInAsync(_host.BaseAddress, InProcessHost.AdminUser, InProcessHost.AdminPassword);
        using (session)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
            Assert.False(session.HasAuthCookie);
            Assert.NotNull(right.Headers.RetryAfter?.Delta);
            Assert.Contains("Too many failed sign-ins", await right.Content.ReadAsStringAsync());
        }
    }
}
