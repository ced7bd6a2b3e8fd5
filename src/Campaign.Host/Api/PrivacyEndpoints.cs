using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Compliance;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Grains;
using Campaign.Grains.Compliance;

namespace Campaign.Host.Api;

/// <summary>A person's data under their control: everything held about them as one document, and erasure.</summary>
internal static class PrivacyEndpoints
{
    public static void MapPrivacyEndpoints(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers");
        customers.MapGet("/{id}/export", ExportAsync)
            .WithName("ExportCustomer")
            .Produces<CustomerExport>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Everything held about the person: profile, consent, do-not-call changes, calls with transcripts and outcomes, dial decisions.");
        customers.MapDelete("/{id}", EraseAsync)
            .WithName("EraseCustomer")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Erase the person: profile, consent, contact history, transcripts and outcomes in every store; their number stays on the do-not-call list and the dial decisions (no name, nothing said) are kept.");
    }

    private static async Task<IResult> ExportAsync(
        string id,
        IGrainFactory grains,
        ICustomerDirectory directory,
        IDecisionLog decisionLog,
        CustomerLocator locator,
        BestTimes bestTimes,
        [FromKeyedServices(EngineClock.Key)] TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ICustomerGrain>(id).GetAsync() is not { } view)
        {
            return ApiProblems.NotFound($"customer '{id}' does not exist");
        }

        var decisions = await decisionLog.AllForCustomerAsync(id, cancellationToken);

        var callIds = view.ContactHistory.Select(a => a.CallId).Concat(decisions.Select(d => d.CallId).OfType<string>()).Distinct(StringComparer.Ordinal);
        var calls = new List<CallRecord>();
        foreach (var callId in callIds)
        {
            if (await grains.GetGrain<ICallGrain>(callId).GetAsync() is { } call && call.CustomerId == id)
            {
                calls.Add(call);
            }
        }

        var changes = await directory.ListDoNotCallChangesAsync(view.Profile.Phone, 0, int.MaxValue, cancellationToken);
        var place = locator.Locate(view.Profile);
        return Results.Ok(new CustomerExport(
            clock.GetUtcNow(),
            CustomerResponse.From(view, place, await bestTimes.ForAsync(view, place, cancellationToken)),
            changes,
            calls.OrderBy(c => c.StartedAt).ToList(),
            decisions));
    }

    private static async Task<IResult> EraseAsync(string id, IGrainFactory grains) =>
        await grains.GetGrain<ICustomerGrain>(id).EraseAsync() switch
        {
            ErasureResult.Erased => Results.NoContent(),
            ErasureResult.NotFound => ApiProblems.NotFound($"customer '{id}' does not exist"),
            _ => ApiProblems.Conflict($"customer '{id}' is in a live call; erase them when it has ended"),
        };
}

/// <summary>Everything held about one person, as <c>GET /api/customers/{id}/export</c> returns it.</summary>
public sealed record CustomerExport(
    DateTimeOffset ExportedAt,
    CustomerResponse Customer,
    IReadOnlyList<DoNotCallChange> DoNotCallChanges,
    IReadOnlyList<CallRecord> Calls,
    IReadOnlyList<DialDecision> Decisions);
