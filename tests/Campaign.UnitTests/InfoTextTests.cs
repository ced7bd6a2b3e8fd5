using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Telephony;
using Campaign.Grains.Texts;
using Campaign.Tests.Support;
using Campaign.UnitTests.Support;

namespace Campaign.UnitTests;

/// <summary>The information text after a call: sent once, from the settlement, only with consent; never twice after a crash or retry.</summary>
public class InfoTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly ConsentRecord SmsConsent = new(ConsentKind.Express, "sms", "web form", Now.AddYears(-1));
    private readonly CallWorld _world = new(Now)
    {
        InfoText = "Hi {{customer.firstName}}, details from {{persona.company}}.",
        Outcome = new(Interest.Interested, [], new FollowUp(FollowUpKind.MoreInfo, null), "Wants details.", false, null, null),
    };

    private async Task AnsweredAndEndedAsync()
    {
        await _world.Placement.StartAsync(CallWorld.Request() with { ScriptId = "s-1" });
        _world.Call.Status = CallStatus.InProgress;
        _world.Call.AnsweredAt = Now;
        await _world.Ending.FinishAsync(CallResult.Answered, null);
    }

    [Fact]
    public async Task A_customer_who_asked_for_more_information_and_consented_gets_the_rendered_text_once_stored_before_it_is_sent()
    {
        _world.Customer = TestCustomers.Profile("C-1") with { Consent = [TestCustomers.Consent, SmsConsent] };
        await AnsweredAndEndedAsync();
        var writes = _world.State.Writes;

        await _world.Timers.RunSoonAsync();

        var (sent, writesBefore) = Assert.Single(_world.TextsSent);
        Assert.Equal(("cmp-1-1-a1-info", "+12125550100", "Hi Customer, details from City Power."), (sent.TextId, sent.To, sent.Body));
        Assert.True(writesBefore > writes, "the attempt is stored before the provider is asked");
        var text = Assert.Single(Assert.Single(_world.Stored).Texts!);
        Assert.Equal(("+12125550100", TextStatus.Queued, "SM-1", Now), (text.To, text.Status, text.ProviderMessageId, text.At));
    }

    [Fact]
    public async Task No_text_without_consent_to_texts_to_a_landline_or_without_an_information_text()
    {
        await AnsweredAndEndedAsync();
        await _world.Timers.RunSoonAsync();

        Assert.Empty(_world.TextsSent);
        Assert.Empty(Assert.Single(_world.Stored).Texts!);

        var landline = TestCustomers.Profile("C-1", attributes: new Dictionary<string, string> { ["phoneType"] = "Landline" }) with { Consent = [SmsConsent] };
        Assert.NotNull(TextConsent.Refusal(landline, Now));
        Assert.NotNull(TextConsent.Refusal(landline with { Consent = [SmsConsent with { RevokedAt = Now.AddDays(-1) }], Attributes = new Dictionary<string, string>() }, Now));
        Assert.Null(TextConsent.Refusal(landline with { Attributes = new Dictionary<string, string> { ["phoneType"] = "mobile" } }, Now));
    }

    [Fact]
    public async Task A_report_that_fails_after_the_text_was_sent_is_reported_again_without_sending_again()
    {
        _world.Customer = TestCustomers.Profile("C-1") with { Consent = [SmsConsent] };
        await AnsweredAndEndedAsync();
        _world.ReportFails = true;

        await _world.Timers.RunSoonAsync();
        _world.ReportFails = false;
        await _world.Ending.CheckAsync();

        Assert.Single(_world.TextsSent);
        Assert.Equal(TextStatus.Queued, Assert.Single(Assert.Single(_world.Stored).Texts!).Status);
    }

    [Fact]
    public async Task A_settlement_run_again_after_a_crash_between_the_stored_attempt_and_the_answer_records_the_text_failed_and_never_sends_it()
    {
        _world.Customer = TestCustomers.Profile("C-1") with { Consent = [SmsConsent] };
        await AnsweredAndEndedAsync();
        _world.Call.InfoTextAttempted = true;

        await _world.Timers.RunSoonAsync();

        Assert.Empty(_world.TextsSent);
        var text = Assert.Single(Assert.Single(_world.Stored).Texts!);
        Assert.Equal((TextStatus.Failed, InfoTextSender.Interrupted), (text.Status, text.Error));
    }

    [Fact]
    public async Task A_refused_text_is_recorded_as_failed_and_the_call_is_still_reported()
    {
        _world.Customer = TestCustomers.Profile("C-1") with { Consent = [SmsConsent] };
        _world.TextFault = new TextRefusedException("Twilio refused the text: 21211 Invalid 'To' Phone Number");
        await AnsweredAndEndedAsync();

        await _world.Timers.RunSoonAsync();

        var text = Assert.Single(Assert.Single(_world.Stored).Texts!);
        Assert.Equal((TextStatus.Failed, "Twilio refused the text: 21211 Invalid 'To' Phone Number"), (text.Status, text.Error));
        Assert.Single(_world.CampaignReports);
    }

    [Fact]
    public void A_status_only_moves_forward_and_a_final_one_never_changes()
    {
        var queued = new CallText("c-info", "+15550100", TextStatus.Queued, Now);

        var sent = queued.Advance(TextStatus.Sent, null, Now.AddSeconds(1));
        var delivered = sent.Advance(TextStatus.Delivered, null, Now.AddSeconds(2));

        Assert.Equal((TextStatus.Sent, Now.AddSeconds(1)), (sent.Status, sent.StatusAt));
        Assert.Same(sent, sent.Advance(TextStatus.Sent, null, Now.AddSeconds(3)));
        Assert.Same(sent, sent.Advance(TextStatus.Queued, null, Now.AddSeconds(3)));
        Assert.Same(delivered, delivered.Advance(TextStatus.Failed, "late", Now.AddSeconds(4)));
        Assert.Equal("c", CallText.CallIdOf(CallText.InfoId("c")));
        Assert.Null(CallText.CallIdOf("SM123"));
    }

    [Theory]
    [InlineData("STOP", true)]
    [InlineData(" stop ", true)]
    [InlineData("Unsubscribe", true)]
    [InlineData("quit!", true)]
    [InlineData("StopAll", true)]
    [InlineData("cancel", true)]
    [InlineData("end", true)]
    [InlineData("please stop texting", false)]
    [InlineData("STOP IT", false)]
    [InlineData("", false)]
    public void Only_a_whole_stop_keyword_opts_out(string body, bool optOut) => Assert.Equal(optOut, StopKeywords.IsOptOut(body));
}
