using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Twilio;

/// <summary>Imports customers with scripted callees and runs a campaign through the host's API and the fake Twilio.</summary>
internal static class TwilioCampaign
{
    public static Task<string> StartAsync(TwilioHost host, IReadOnlyList<CalleeScript> callees, int phoneOffset, string extra = "", int maxConcurrentCalls = 5) =>
        CalleeCampaign.StartAsync(host.Client, script => host.Twilio.Script = script, "Twilio", callees, phoneOffset, maxConcurrentCalls, extra);

    public static Task<JsonElement> WaitForCompletionAsync(TwilioHost host, string id, TimeSpan limit) =>
        CalleeCampaign.WaitForCompletionAsync(host.Client, id, limit);

    public static Task<JsonElement> PostAsync(TwilioHost host, string path, string json) =>
        CalleeCampaign.PostAsync(host.Client, path, json);
}
