using System.Net;
using Campaign.Abstractions.Telephony;
using Campaign.Telephony;
using Campaign.Telephony.Acs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Tests.Acs;

/// <summary>The REST side of the adapter against the fake ACS, which checks every request's HMAC signature.</summary>
public sealed class AcsRestTests : IAsyncLifetime
{
    private readonly FakeAcs _acs = new() { PlayCallees = false };
    private ServiceProvider? _services;

    public async Task InitializeAsync() => await _acs.StartAsync();

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _acs.DisposeAsync();
    }

    private ITelephony Telephony(string? accessKey = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telephony:Provider"] = "Acs",
            ["Telephony:Acs:Endpoint"] = _acs.Endpoint,
            ["Telephony:Acs:AccessKey"] = accessKey ?? FakeAcs.AccessKey,
            ["Telephony:Acs:FromNumber"] = "+12125550199",
            ["Telephony:Acs:PublicBaseUrl"] = "https://calls.example.com/",
            ["Telephony:Acs:CognitiveServicesEndpoint"] = "https://speech.cognitiveservices.azure.com/",
        }).Build();
        _services = new ServiceCollection().AddLogging().AddTelephony(configuration).BuildServiceProvider();
        return _services.GetRequiredService<ITelephony>();
    }

    [Fact]
    public async Task A_call_is_placed_checked_and_ended_with_signed_requests()
    {
        var telephony = Telephony();
        var id = await telephony.PlaceCallAsync(new PlaceCallRequest("call-1", "cust-1", "+12125550100", null, 1, TimeSpan.FromSeconds(25)));

        var call = _acs.Calls[id];
        Assert.Equal("+12125550199", call.From);
        Assert.Equal("+12125550100", call.To);
        var token = _services!.GetRequiredService<AcsCallbackUrls>().Token("call-1");
        Assert.Equal($"https://calls.example.com/telephony/acs/events?callId=call-1&token={token}", call.CallbackUri);
        Assert.Equal(new AcsOperationContext("call-1", AcsStep.Dial, 0, "+12125550100", null), AcsOperationContext.Parse(call.CreateContext));
        Assert.True(await telephony.IsLiveAsync("call-1", id));

        await telephony.HangUpAsync("call-1", id);
        Assert.True(call.Ended.IsCompleted);
        Assert.False(await telephony.IsLiveAsync("call-1", id));
        await telephony.HangUpAsync("call-1", id);
        Assert.False(await telephony.IsLiveAsync("call-1", "never-placed"));
        Assert.Equal(0, _acs.Unauthorized);
    }

    [Fact]
    public async Task Throttled_and_failed_creates_are_retried_without_placing_two_calls()
    {
        var telephony = Telephony();
        _acs.FailCreates.Enqueue(429);
        _acs.FailCreates.Enqueue(503);
        _acs.LoseCreateAnswers.Enqueue(500);

        var id = await telephony.PlaceCallAsync(new PlaceCallRequest("call-2", "cust-1", "+12125550100", "+12125550123", 1, TimeSpan.FromSeconds(30)));

        Assert.Equal(4, _acs.CreateRequests);
        Assert.Equal(id, Assert.Single(_acs.Calls).Key);
        Assert.Equal("+12125550123", _acs.Calls[id].From);
    }

    [Fact]
    public async Task A_wrong_access_key_is_refused_and_places_nothing()
    {
        var telephony = Telephony(accessKey: Convert.ToBase64String("not-the-resource-key-0123456789ab"u8.ToArray()));
        var error = await Assert.ThrowsAsync<AcsRequestException>(() => telephony.PlaceCallAsync(new PlaceCallRequest("call-3", "cust-1", "+12125550100", null, 1, TimeSpan.FromSeconds(30))));
        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.Equal(1, _acs.Unauthorized);
        Assert.Empty(_acs.Calls);
    }
}
