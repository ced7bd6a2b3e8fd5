using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Tests.Support;
using Campaign.Tests.Twilio;

namespace Campaign.Tests.Acs;

/// <summary>Imports customers with scripted callees and runs a campaign through the host's API and the fake ACS.</summary>
internal static class AcsCampaign
{
    public static Task<string> StartAsync(AcsHost host, IReadOnlyList<CalleeScript> callees, int phoneOffset, int concurrency = 5, string extra = "") =>
        CalleeCampaign.StartAsync(host.Client, script => host.Acs.Script = script, "Acs", callees, phoneOffset, concurrency, extra);

    public static Task<JsonElement> WaitForCompletionAsync(AcsHost host, string id, TimeSpan limit) =>
        CalleeCampaign.WaitForCompletionAsync(host.Client, id, limit);

    public static async Task<List<JsonElement>> CallsAsync(AcsHost host, string id) =>
        (await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/calls?take=100")).GetProperty("items").EnumerateArray().ToList();
}
