using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.FileProviders;

namespace Campaign.Host.Ui;

/// <summary>Wires the server-rendered admin frontend: Razor pages, its own static files and the live-update stream.</summary>
internal static class AdminPages
{
    public static IServiceCollection AddAdminPages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Login");
        });
        services.AddOptions<LiveUpdateOptions>().BindConfiguration("Ui:LiveUpdates");
        services.AddOptions<OperatorTimeOptions>().BindConfiguration("Ui")
            .Validate(o => OperatorTime.Find(o.TimeZone) is not null, "Ui:TimeZone must be an IANA time zone such as UTC or Europe/Lisbon")
            .ValidateOnStart();
        services.AddSingleton<OperatorTime>();
        services.AddSingleton<CampaignChangeHub>();
        services.AddHostedService(sp => sp.GetRequiredService<CampaignChangeHub>());
        return services;
    }

    /// <summary>CSS and JS are embedded in the assembly so the host serves them wherever it runs from.</summary>
    public static IApplicationBuilder UseAdminAssets(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        FileProvider = new EmbeddedFileProvider(typeof(AdminPages).Assembly, "Campaign.Host.Ui.Assets"),
        RequestPath = "/assets",
        OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
    });

    public static void MapAdminPages(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapGet("/ui/campaigns/{id}/events", CampaignEvents.StreamAsync)
            .RequireAuthorization(new AuthorizeAttribute())
            .ExcludeFromDescription();
        app.MapGet("/ui/campaigns/{id}/recent-calls", RecentCallsAsync)
            .RequireAuthorization(new AuthorizeAttribute())
            .ExcludeFromDescription();
        app.MapPost("/ui/customers/import", CustomerImportStream.HandleAsync)
            .RequireAuthorization(new AuthorizeAttribute())
            .DisableAntiforgery()
            .ExcludeFromDescription();
    }

    /// <summary>The dashboard's latest calls with the customers' names, for its live refresh.</summary>
    private static async Task<IResult> RecentCallsAsync(
        string id, Abstractions.Storage.ICallStore calls, Abstractions.Storage.ICustomerDirectory customers, Grains.Compliance.CustomerLocator locator, CancellationToken cancellationToken)
    {
        var page = await calls.ListAsync(id, 0, Pages.Campaigns.DashboardModel.RecentCalls, cancellationToken);
        var rows = await Api.CallListRow.LoadAsync(page.Items, customers, locator, cancellationToken);
        return Results.Ok(new
        {
            page.Total,
            Items = rows.Select(r => new { r.Call.Id, r.Call.CustomerId, r.Name, r.Call.Result, r.Call.Status, r.Call.Outcome?.Interest, r.Call.Attempt, r.Call.EndedAt }),
        });
    }
}
