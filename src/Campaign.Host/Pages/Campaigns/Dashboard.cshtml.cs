using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Compliance;
using Campaign.Abstractions.Storage;
using Campaign.Grains;
using Campaign.Grains.Campaigns;
using Campaign.Grains.Compliance;
using Campaign.Host.Api;
using Campaign.Host.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Campaigns;

public sealed class DashboardModel(
    IGrainFactory grains,
    CampaignQueries queries,
    ICallStore calls,
    ICustomerDirectory customers,
    IDecisionLog decisionLog,
    CustomerLocator locator,
    AudienceResolver audiences,
    CallingHours hours,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock) : PageModel
{
    public const int RecentCalls = 10;
    public const int FollowUpsShown = 50;
    public const int DecisionsShown = 20;
    public const int PendingShown = 20;

    public CampaignInfo Campaign { get; private set; } = null!;

    public CampaignStatsResponse Stats { get; private set; } = null!;

    public CallPage Recent { get; private set; } = new(0, []);

    public IReadOnlyList<CallListRow> RecentRows { get; private set; } = [];

    /// <summary>The oldest calls in flight (at most <see cref="CampaignQueries.DefaultLiveTake"/>); <see cref="InFlightTotal"/> counts them all.</summary>
    public IReadOnlyList<LiveCallResponse> InFlight { get; private set; } = [];

    public int InFlightTotal { get; private set; }

    public IReadOnlyList<FollowUpResponse> FollowUps { get; private set; } = [];

    public IReadOnlyList<PendingCallResponse> Pending { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    /// <summary>What Start would do now, for a draft or scheduled campaign.</summary>
    public StartPreview? Start { get; private set; }

    /// <summary>The kind of dial decisions listed (<c>?decisions=skip|wait|call|all</c>; skips by default).</summary>
    public DialDecisionKind? DecisionKind { get; private set; } = DialDecisionKind.Skip;

    public DecisionPage Decisions { get; private set; } = new(0, []);

    public async Task<IActionResult> OnGetAsync(string id, string? decisions, CancellationToken cancellationToken)
    {
        if (await queries.DashboardAsync(id) is not { } dashboard)
        {
            return NotFound();
        }

        var info = dashboard.Campaign;
        (Campaign, Stats, InFlight, InFlightTotal) = (info, dashboard.Stats, dashboard.LiveCalls, dashboard.LiveCallsTotal);
        Recent = await calls.ListAsync(id, 0, RecentCalls, cancellationToken);
        RecentRows = await CallListRow.LoadAsync(Recent.Items, customers, locator, cancellationToken);
        Pending = await PendingCallsView.LoadAsync(grains, customers, id, PendingShown, cancellationToken) ?? [];
        Now = clock.GetUtcNow();
        if (info.Status is CampaignStatus.Draft or CampaignStatus.Scheduled)
        {
            Start = await StartPreview.LoadAsync(info, customers, audiences, locator, hours, Now, cancellationToken);
        }
        DecisionKind = decisions?.ToLowerInvariant() switch
        {
            "all" => null,
            "call" => DialDecisionKind.Call,
            "wait" => DialDecisionKind.Wait,
            _ => DialDecisionKind.Skip,
        };
        Decisions = await decisionLog.ForCampaignAsync(id, DecisionKind, 0, DecisionsShown, cancellationToken);
        FollowUps = await Api.FollowUps.LoadAsync(calls, customers, locator, id, info.Definition.CallingWindow?.TimeZone, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostActionAsync(string id, string action, string? back, bool confirmed = false)
    {
        var error = await CampaignActions.RunAsync(grains, id, action, confirmed);
        if (error is not null)
        {
            TempData["Error"] = error;
        }

        return Redirect(back == "list" ? "/campaigns" : $"/campaigns/{Uri.EscapeDataString(id)}");
    }
}
