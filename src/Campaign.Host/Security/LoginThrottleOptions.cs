namespace Campaign.Host.Security;

/// <summary>How many wrong admin passwords are let through before sign-in is locked, and for how long (<c>Auth:Login</c>).</summary>
public sealed class LoginThrottleOptions
{
    /// <summary>Failures for one user name before it is locked.</summary>
    public int MaxFailuresPerUser { get; set; } = 5;

    /// <summary>Failures from one address (any user name) before it is locked; higher, as offices share an address.</summary>
    public int MaxFailuresPerAddress { get; set; } = 20;

    /// <summary>The first lockout; each further failure doubles it.</summary>
    public TimeSpan FirstLockout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures older than this, with no lockout in force, are forgotten.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);
}
