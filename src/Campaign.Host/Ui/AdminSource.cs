using System.Security.Claims;

namespace Campaign.Host.Ui;

/// <summary>How changes made from the admin pages are recorded (e.g. in the do-not-call history): by the signed-in user.</summary>
public static class AdminSource
{
    public static string Of(ClaimsPrincipal user) => "admin:" + (user.Identity?.Name ?? "unknown");
}
