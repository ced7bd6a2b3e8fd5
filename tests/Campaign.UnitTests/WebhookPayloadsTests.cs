using System.Text.Json;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Webhooks;
using Campaign.Grains.Webhooks;

namespace Campaign.UnitTests;

public class WebhookPayloadsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private static CallRecord Call(FollowUpKind followUp, DateTimeOffset? at = null) => new(
        "call-1", "cmp-1", "C-1", null, 1, CallStatus.Ended, CallResult.Answered, Now.AddMinutes(-3), Now.AddMinutes(-2), Now,
        [new TranscriptLine(Speaker.Agent, "Hello", Now.AddMinutes(-2))],
        new CallOutcome(Interest.Interested, ["price"], new FollowUp(followUp, at), "Wants details.", false, 10, DayOfWeek.Monday),
        null);

    [Fact]
    public void Call_completed_is_an_envelope_around_the_record_written_as_the_api_writes()
    {
        var e = WebhookPayloads.CallCompleted(Call(FollowUpKind.None), Now.AddHours(1));

        using var body = JsonDocument.Parse(e.Body);
        var root = body.RootElement;
        Assert.Equal(["id", "type", "at", "data"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(e.Id, root.GetProperty("id").GetString());
        Assert.Equal("call.completed", root.GetProperty("type").GetString());
        Assert.Equal(Now, root.GetProperty("at").GetDateTimeOffset());
        var data = root.GetProperty("data");
        Assert.Equal("call-1", data.GetProperty("id").GetString());
        Assert.Equal("answered", data.GetProperty("result").GetString());
        Assert.Equal("agent", data.GetProperty("transcript")[0].GetProperty("speaker").GetString());
        Assert.Equal("interested", data.GetProperty("outcome").GetProperty("interest").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("segmentId").ValueKind);
        Assert.Equal("C-1", e.CustomerId);
    }

    [Fact]
    public void The_same_call_or_campaign_always_gives_the_same_event_id_and_different_ones_differ()
    {
        Assert.Equal(WebhookPayloads.CallCompleted(Call(FollowUpKind.None), Now).Id, WebhookPayloads.CallCompleted(Call(FollowUpKind.None), Now.AddDays(1)).Id);
        Assert.NotEqual(WebhookPayloads.CallCompleted(Call(FollowUpKind.MoreInfo), Now).Id, WebhookPayloads.FollowUpCreated(Call(FollowUpKind.MoreInfo), Now)!.Id);
        Assert.Matches("^evt_[0-9a-f]{24}$", WebhookPayloads.StableId("call.completed", "call-1"));
        Assert.NotEqual(WebhookPayloads.OptOut("C-1", "+1", "r", "operator", Now).Id, WebhookPayloads.OptOut("C-1", "+1", "r", "operator", Now).Id);
        Assert.Equal(WebhookPayloads.OptOut("C-1", "+1", "r", "call", Now, "call-1").Id, WebhookPayloads.OptOut("C-1", "+1", "r", "call", Now.AddSeconds(5), "call-1").Id);
        Assert.NotEqual(WebhookPayloads.OptOut("C-1", "+1", "r", "call", Now, "call-1").Id, WebhookPayloads.OptOut("C-1", "+1", "r", "call", Now, "call-2").Id);
        Assert.NotEqual(WebhookPayloads.OptOut("C-1", "+1", "r", "call", Now, "call-1").Id, WebhookPayloads.OptOut("C-2", "+1", "r", "call", Now, "call-1").Id);
    }

    [Theory]
    [InlineData(FollowUpKind.MoreInfo, "moreInfo")]
    [InlineData(FollowUpKind.Callback, "callback")]
    public void A_call_ending_with_more_info_or_a_callback_creates_a_follow_up(FollowUpKind kind, string name)
    {
        var e = WebhookPayloads.FollowUpCreated(Call(kind, Now.AddDays(1)), Now)!;

        var data = JsonDocument.Parse(e.Body).RootElement.GetProperty("data");
        Assert.Equal(WebhookEventTypes.FollowUpCreated, e.Type);
        Assert.Equal(name, data.GetProperty("kind").GetString());
        Assert.Equal("call-1", data.GetProperty("callId").GetString());
        Assert.Equal("C-1", data.GetProperty("customerId").GetString());
        Assert.Equal(Now.AddDays(1), data.GetProperty("at").GetDateTimeOffset());
    }

    [Theory]
    [InlineData(FollowUpKind.None)]
    [InlineData(FollowUpKind.LeaveAlone)]
    public void Other_endings_create_no_follow_up(FollowUpKind kind) =>
        Assert.Null(WebhookPayloads.FollowUpCreated(Call(kind), Now));

    [Fact]
    public void Campaign_completed_has_no_customer_so_it_waits_for_no_one()
    {
        var info = new CampaignInfo("cmp-1", new CampaignDefinition("Outage", "seg-1", null, null, [], 10, null,
            new RetryPolicy(1, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero), VoicemailPolicy.Default), CampaignStatus.Completed, Now.AddDays(-1), Now.AddHours(-5), Now, 120);

        var e = WebhookPayloads.CampaignCompleted(info, Now.AddHours(1));

        Assert.Null(e.CustomerId);
        var data = JsonDocument.Parse(e.Body).RootElement.GetProperty("data");
        Assert.Equal("Outage", data.GetProperty("name").GetString());
        Assert.Equal("completed", data.GetProperty("status").GetString());
        Assert.Equal(120, data.GetProperty("audience").GetInt32());
    }

    [Fact]
    public void A_registration_printed_for_a_log_hides_the_secret()
    {
        var text = new WebhookRegistration("https://x.example/h", ["optOut"], "super-secret-value-123").ToString();

        Assert.DoesNotContain("super-secret-value-123", text);
        Assert.Contains("https://x.example/h", text);
    }
}
