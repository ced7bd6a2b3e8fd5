using Campaign.Abstractions.Scripts;
using Campaign.Conversation.Scripts;
using Campaign.Tests.Support;

namespace Campaign.UnitTests;

public class TransferScheduleTests
{
    private static readonly TransferHours Weekdays = new(["monday", "tuesday", "wednesday", "thursday", "friday"], "09:00", "17:00", "America/New_York");

    [Theory]
    [InlineData("2026-12-07T14:00:00Z", true)] // Monday 09:00 in New York
    [InlineData("2026-12-07T13:59:00Z", false)] // Monday 08:59
    [InlineData("2026-12-07T22:00:00Z", false)] // Monday 17:00: the end is not included
    [InlineData("2026-12-12T15:00:00Z", false)] // Saturday
    public void Hours_are_read_in_their_time_zone(string now, bool open)
    {
        Assert.Equal(open, TransferSchedule.Of(Weekdays).IsOpen(DateTimeOffset.Parse(now)));
    }

    [Theory]
    [InlineData("2026-12-07T15:00:00Z", "2026-12-07T15:00:00Z")] // open: now
    [InlineData("2026-12-07T23:30:00Z", "2026-12-08T14:00:00Z")] // Monday evening: Tuesday 09:00
    [InlineData("2026-12-11T22:30:00Z", "2026-12-14T14:00:00Z")] // Friday evening: Monday 09:00
    [InlineData("2026-07-04T12:00:00Z", "2026-07-06T13:00:00Z")] // Saturday in summer time: Monday 09:00 EDT
    public void The_next_opening_is_the_next_start_of_the_hours(string now, string next)
    {
        Assert.Equal(DateTimeOffset.Parse(next), TransferSchedule.Of(Weekdays).NextOpening(DateTimeOffset.Parse(now)));
    }

    [Fact]
    public void No_days_means_every_day_and_no_hours_means_always()
    {
        var daily = TransferSchedule.Of(Weekdays with { Days = [] });
        Assert.True(daily.IsOpen(DateTimeOffset.Parse("2026-12-12T15:00:00Z")));
        Assert.True(TransferSchedule.Of(null).IsOpen(DateTimeOffset.Parse("2026-12-12T03:00:00Z")));
    }

    [Fact]
    public void Every_bad_part_of_a_transfer_is_named_by_its_field()
    {
        var script = TestScripts.Valid() with
        {
            Transfer = new ScriptTransfer("0212 555 0142", new TransferHours(["monday", "funday"], "18:00", "08:00", "Nowhere/City")),
        };

        var fields = ScriptValidator.Validate(script).Select(e => e.Field).ToList();

        Assert.Equal(["transfer.number", "transfer.hours.days[1]", "transfer.hours.to", "transfer.hours.timeZone"], fields);
    }

    [Theory]
    [InlineData("Can I speak to a real person?", true)]
    [InlineData("could you put me through to someone", true)]
    [InlineData("I need to talk with a supervisor.", true)]
    [InlineData("Real person please.", true)]
    [InlineData("Are you a real person?", false)]
    [InlineData("Is this a robot?", false)]
    [InlineData("Am I talking to a real person?", false)]
    [InlineData("wait am i speaking to a human", false)]
    [InlineData("I spoke to a person last week about it.", false)]
    [InlineData("Yes, tell me more.", false)]
    public void A_request_for_a_person_is_told_from_a_question_about_the_agent(string line, bool request)
    {
        Assert.Equal(request, Campaign.Conversation.Understanding.PersonRequest.IsRequest(line));
    }
}
