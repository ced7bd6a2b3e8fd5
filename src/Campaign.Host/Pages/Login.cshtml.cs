using System.Security.Claims;
using Campaign.Host.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages;

public sealed class LoginModel(AdminCredentials admin, LoginThrottle throttle, ILogger<LoginModel> logger) : PageModel
{
    public string? Error { get; private set; }

    public new string? User { get; private set; }

    public string ReturnUrl { get; private set; } = "/campaigns";

    public void OnGet(string? returnUrl) => ReturnUrl = Safe(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? user, string? password, string? returnUrl)
    {
        ReturnUrl = Safe(returnUrl);
        User = user;
        var shownUser = Loggable(user);
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (throttle.LockedFor(user, address) is { } locked)
        {
            logger.LogWarning("Admin sign-in refused for user {User} from {Address}: locked for another {Seconds} s after repeated failures", shownUser, address, Math.Ceiling(locked.TotalSeconds));
            return Locked(locked);
        }

        if (!admin.Verify(user, password))
        {
            var lockout = throttle.RecordFailure(user, address);
            logger.LogWarning("Failed admin sign-in for user {User} from {Address}{Lockout}", shownUser, address,
                lockout is { } started ? $"; sign-in locked for {Math.Ceiling(started.TotalSeconds)} s" : "");
            // A wrong password costs the caller a moment, which slows guessing before the lockout starts.
            await Task.Delay(TimeSpan.FromMilliseconds(300), HttpContext.RequestAborted);
            if (lockout is { } duration)
            {
                return Locked(duration);
            }

            Error = "Wrong user name or password.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        throttle.RecordSuccess(user, address);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, admin.User), new Claim(ClaimTypes.Role, "admin")], CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(ReturnUrl);
    }

    private PageResult Locked(TimeSpan duration)
    {
        var seconds = (int)Math.Ceiling(duration.TotalSeconds);
        Error = $"Too many failed sign-ins. Sign-in is locked; try again in {Wait(seconds)}.";
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    /// <summary>The typed user name as it may appear in a log line: short, without control characters that could forge lines.</summary>
    private static string Loggable(string? user)
    {
        var text = new string((user ?? "").Where(c => !char.IsControl(c)).Take(100).ToArray());
        return text.Length == 0 ? "(empty)" : text;
    }

    private static string Wait(int seconds) => seconds switch
    {
        <= 90 => $"{seconds} seconds",
        _ => $"{(int)Math.Ceiling(seconds / 60.0)} minutes",
    };

    private string Safe(string? returnUrl) => returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/campaigns";
}
