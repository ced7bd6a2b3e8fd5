using System.Security.Claims;
using Campaign.Host.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages;

public sealed class LoginModel(AdminCredentials admin, ILogger<LoginModel> logger) : PageModel
{
    public string? Error { get; private set; }

    public new string? User { get; private set; }

    public string ReturnUrl { get; private set; } = "/campaigns";

    public void OnGet(string? returnUrl) => ReturnUrl = Safe(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? user, string? password, string? returnUrl)
    {
        ReturnUrl = Safe(returnUrl);
        if (!admin.Verify(user, password))
        {
            logger.LogWarning("Failed admin sign-in from {Address}", HttpContext.Connection.RemoteIpAddress);
            // A wrong password costs the caller a moment, which slows guessing without locking the admin out.
            await Task.Delay(TimeSpan.FromMilliseconds(300), HttpContext.RequestAborted);
            User = user;
            Error = "Wrong user name or password.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, admin.User), new Claim(ClaimTypes.Role, "admin")], CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(ReturnUrl);
    }

    private string Safe(string? returnUrl) => returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/campaigns";
}
