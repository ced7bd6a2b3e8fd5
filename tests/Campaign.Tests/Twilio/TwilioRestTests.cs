using Campaign.Abstractions.Telephony;
using Campaign.Telephony;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Twilio.Exceptions;

namespace Campaign.Tests.Twilio;

/// <summary>The REST side of the adapter against the fake Twilio, without a host.</summary>
public sealed class TwilioRestTests : IAsyncLifetime
{
    private readonly FakeTwilio _twilio = new() { PlayCallees = false };
    private ServiceProvider? _services;

    public async Task InitializeAsync() => await _twilio.StartAsync();

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _twilio.DisposeAsync();
    }

    private ITelephony Telephony(string authToken = FakeTwilio.AuthToken, bool machineDetection = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telephony:Provider"] = "Twilio",
            ["Telephony:Twilio:AccountSid"] = FakeTwilio.AccountSid,
            ["Telephony:Twilio:AuthToken"] = authToken,
            ["Telephony:Twilio:FromNumber"] = "+12125550199",
            ["Telephony:Twilio:PublicBaseUrl"] = "https://calls.example.com/",
            ["Telephony:Twilio:ApiBaseUrl"] = _twilio.BaseUrl.ToString(),
            ["Telephony:Twilio:MachineDetection"] = machineDetection.ToString(),
        }).Build();
        _services = new ServiceCollection().AddLogging().AddTelephony(configuration).BuildServiceProvider();
        return _services.GetRequiredService<ITelephony>();
    }

    [Fact]
    public async Task A_call_is_placed_checked_and_ended()
    {
        var telephony = Telephony(machineDetection: false);
        var sid = await telephony.PlaceCallAsync(new PlaceCallRequest("call-1", "cust-1", "+12125550100", null, 1, TimeSpan.FromSeconds(25)));

        var call = _twilio.Calls[sid];
        Assert.StartsWith("CA", sid);
        Assert.Equal("+12125550199", call.Field("From"));
        Assert.Equal("25", call.Field("Timeout"));
        Assert.Equal("https://calls.example.com/telephony/twilio/voice?callId=call-1", call.Field("Url"));
        Assert.False(call.Form.ContainsKey("MachineDetection"));
        Assert.True(await telephony.IsLiveAsync("call-1", sid));

        await telephony.HangUpAsync("call-1", sid);
        Assert.Equal("completed", await call.Ended);
        Assert.False(await telephony.IsLiveAsync("call-1", sid));
        await telephony.HangUpAsync("call-1", sid);
        Assert.False(await telephony.IsLiveAsync("call-1", "CA-never-placed"));
    }

    [Fact]
    public async Task Rate_limited_creates_are_retried()
    {
        var telephony = Telephony();
        _twilio.FailCreates.Enqueue(429);
        _twilio.FailCreates.Enqueue(503);

        var sid = await telephony.PlaceCallAsync(new PlaceCallRequest("call-2", "cust-1", "+12125550100", "+12125550123", 1, TimeSpan.FromSeconds(30)));

        Assert.Equal(3, _twilio.CreateRequests);
        Assert.Equal("+12125550123", _twilio.Calls[sid].Field("From"));
        Assert.Equal("https://calls.example.com/telephony/twilio/amd?callId=call-2", _twilio.Calls[sid].Field("AsyncAmdStatusCallback"));
    }

    [Fact]
    public async Task A_create_that_failed_with_500_is_not_sent_again()
    {
        var telephony = Telephony();
        _twilio.FailCreates.Enqueue(500);

        await Assert.ThrowsAsync<ApiException>(() => telephony.PlaceCallAsync(new PlaceCallRequest("call-4", "cust-1", "+12125550100", null, 1, TimeSpan.FromSeconds(30))));

        Assert.Equal(1, _twilio.CreateRequests); // a create that failed that way may have dialled: a second could ring the person twice
        Assert.Empty(_twilio.Calls);
    }

    [Fact]
    public async Task A_wrong_auth_token_fails_the_dial()
    {
        var telephony = Telephony(authToken: "wrong-token");
        await Assert.ThrowsAsync<ApiException>(() => telephony.PlaceCallAsync(new PlaceCallRequest("call-3", "cust-1", "+12125550100", null, 1, TimeSpan.FromSeconds(30))));
        Assert.Equal(1, _twilio.Unauthorized);
        Assert.Empty(_twilio.Calls);
    }
}
