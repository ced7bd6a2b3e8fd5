using Campaign.Abstractions.Webhooks;
using Campaign.Host.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Webhooks;

/// <summary>The registered webhook endpoints, each with its latest deliveries and a "Send again" for each; a form registers one.</summary>
public sealed class WebhooksModel(IGrainFactory grains) : PageModel
{
    /// <summary>How many of an endpoint's latest deliveries the page shows.</summary>
    public const int ShownDeliveries = 20;

    public IReadOnlyList<(WebhookResponse Endpoint, WebhookDeliveriesResponse Deliveries)> Endpoints { get; private set; } = [];

    [BindProperty]
    public WebhookForm Form { get; set; } = new();

    public string? Error { get; private set; }

    public string? ErrorField { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var id = "whk-" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            var endpoint = await grains.GetGrain<IWebhookEndpointGrain>(id)
                .RegisterAsync(new WebhookRegistration(Form.Url, Form.Events, Form.Secret));
            TempData["Flash"] = $"Webhook {endpoint.Id} is registered: {endpoint.Url} gets {string.Join(", ", endpoint.Events)}.";
            return RedirectToPage();
        }
        catch (WebhookException ex)
        {
            Error = ex.Message;
            ErrorField = ex.Field?.StartsWith("events", StringComparison.Ordinal) == true ? "events" : ex.Field;
            Form.Secret = null; // never sent back to the browser
            await LoadAsync();
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, bool confirmed = false)
    {
        if (!confirmed)
        {
            TempData["Error"] = $"Webhook {id} was not deleted: deleting cannot be undone, so it must be confirmed.";
        }
        else if (await grains.GetGrain<IWebhookEndpointGrain>(id).DeleteAsync())
        {
            TempData["Flash"] = $"Webhook {id} is deleted with its delivery log.";
        }
        else
        {
            TempData["Error"] = $"Webhook {id} does not exist.";
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetryAsync(string id, string deliveryId)
    {
        if (await grains.GetGrain<IWebhookEndpointGrain>(id).RetryAsync(deliveryId) is { } delivery)
        {
            TempData["Flash"] = $"Delivery {delivery.Id} ({delivery.Event}) is being sent again.";
        }
        else
        {
            TempData["Error"] = $"Delivery {deliveryId} of webhook {id} does not exist.";
        }

        return Redirect($"/webhooks#{id}");
    }

    /// <summary>The error text when it is about <paramref name="field"/>, so it shows next to that input.</summary>
    public string? ErrorFor(string field) => ErrorField == field ? Error : null;

    public bool ErrorAboveForm => Error is not null && ErrorField is not ("url" or "events" or "secret");

    private async Task LoadAsync()
    {
        var endpoints = new List<(WebhookResponse, WebhookDeliveriesResponse)>();
        foreach (var endpoint in (await WebhookEndpoints.ListResponsesAsync(grains)).OrderByDescending(e => e.CreatedAt))
        {
            if (await WebhookEndpoints.DeliveriesPageAsync(grains, endpoint.Id, 0, ShownDeliveries) is { } deliveries)
            {
                endpoints.Add((endpoint, deliveries));
            }
        }

        Endpoints = endpoints;
    }
}

public sealed class WebhookForm
{
    public string? Url { get; set; }

    public List<string?> Events { get; set; } = [];

    public string? Secret { get; set; }
}
