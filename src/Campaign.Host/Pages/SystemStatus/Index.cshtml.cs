using Campaign.Abstractions.Storage;
using Campaign.Host.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.SystemStatus;

public sealed class SystemModel(IGrainFactory grains, ICustomerDirectory directory, IConfiguration configuration, IServiceProvider services) : PageModel
{
    public SystemResponse Status { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Status = await SystemEndpoints.LoadAsync(grains, directory, configuration, services, cancellationToken);
}
