using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages;

public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect("/campaigns");
}
