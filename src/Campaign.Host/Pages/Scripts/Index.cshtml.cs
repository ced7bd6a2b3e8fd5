using Campaign.Abstractions.Scripts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Scripts;

public sealed class ScriptsModel(IGrainFactory grains) : PageModel
{
    public IReadOnlyList<ScriptSummary> Scripts { get; private set; } = [];

    public async Task OnGetAsync() => Scripts = await grains.GetGrain<IScriptCatalogGrain>(IScriptCatalogGrain.Key).ListAsync();
}
