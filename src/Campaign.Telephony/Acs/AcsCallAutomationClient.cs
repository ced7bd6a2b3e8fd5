using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Campaign.Telephony.Acs;

/// <summary>The few Call Automation operations a campaign needs: create a call, play text, recognise speech, transfer, hang up, look a call up.</summary>
public sealed class AcsCallAutomationClient(HttpClient http, AcsOptions options, TimeProvider clock)
{
    private const string Connections = "/calling/callConnections";

    /// <summary>Places a call; retries of this request carry the same repeatability id, so they never place a second call.</summary>
    public async Task<AcsCallConnection> CreateCallAsync(AcsCreateCallRequest body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(Connections)) { Content = JsonContent.Create(body, options: AcsJson.Options) };
        request.Headers.TryAddWithoutValidation(AcsRepeatability.RequestIdHeader, Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation(AcsRepeatability.FirstSentHeader, clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture));
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var connection = await response.Content.ReadFromJsonAsync<AcsCallConnection>(AcsJson.Options, cancellationToken);
        return connection?.CallConnectionId is { Length: > 0 } ? connection : throw new AcsRequestException(response.StatusCode, null, "the answer names no call connection");
    }

    public Task PlayAsync(string callConnectionId, AcsPlayRequest body, CancellationToken cancellationToken = default) =>
        PostAsync($"{Connections}/{Uri.EscapeDataString(callConnectionId)}:play", body, cancellationToken);

    public Task RecognizeAsync(string callConnectionId, AcsRecognizeRequest body, CancellationToken cancellationToken = default) =>
        PostAsync($"{Connections}/{Uri.EscapeDataString(callConnectionId)}:recognize", body, cancellationToken);

    public Task TransferAsync(string callConnectionId, AcsTransferRequest body, CancellationToken cancellationToken = default) =>
        PostAsync($"{Connections}/{Uri.EscapeDataString(callConnectionId)}:transferToParticipant", body, cancellationToken);

    /// <summary>Hangs up for everyone; false when the call was already gone.</summary>
    public async Task<bool> TerminateAsync(string callConnectionId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url($"{Connections}/{Uri.EscapeDataString(callConnectionId)}:terminate"));
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, cancellationToken);
        return true;
    }

    /// <summary>The call's state (<c>connecting</c>, <c>connected</c>, <c>disconnected</c>…); null when the service no longer knows it.</summary>
    public async Task<string?> GetStateAsync(string callConnectionId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(Url($"{Connections}/{Uri.EscapeDataString(callConnectionId)}"), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, cancellationToken);
        var connection = await response.Content.ReadFromJsonAsync<AcsCallConnection>(AcsJson.Options, cancellationToken);
        return connection?.CallConnectionState ?? "unknown";
    }

    private async Task PostAsync<T>(string path, T body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(Url(path), JsonContent.Create(body, options: AcsJson.Options), cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private Uri Url(string path) => new($"{options.Endpoint}{path}?api-version={Uri.EscapeDataString(options.ApiVersion)}");

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string? code = null;
        var message = response.ReasonPhrase ?? "request failed";
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (body.Length > 0 && JsonDocument.Parse(body).RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                message = error.TryGetProperty("message", out var m) ? m.GetString() ?? message : message;
            }
        }
        catch (JsonException)
        {
        }

        throw new AcsRequestException(response.StatusCode, code, message);
    }
}
