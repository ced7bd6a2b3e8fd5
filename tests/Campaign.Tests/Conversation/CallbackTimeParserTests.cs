using System.Globalization;
using Campaign.Conversation.Offline;
using Campaign.Conversation.Understanding;

namespace Campaign.Tests.Conversation;

public class CallbackTimeParserTests
{
    // Tuesday 24 November 2026, 16:30 in New York (UTC-5).
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 21, 30, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>The time <paramref name="text"/> names, said at <see cref="Now"/> in New York, is <paramref name="expected"/>.</summary>
    private static void AssertResolves(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CallbackTimeParser.Resolve(text, Now, NewYork)?.At);

    [Theory]
    [InlineData("Can you call me back tomorrow at 5 pm?", "2026-11-25T17:00:00-05:00", "tomorrow at 5 pm")]
    [InlineData("Monday morning would be better", "2026-11-30T09:00:00-05:00", "monday morning")]
    [InlineData("Call me after 6", "2026-11-24T18:00:00-05:00", "after 6")]
    [InlineData("try at 3", "2026-11-25T15:00:00-05:00", "at 3")]
    [InlineData("in two hours please", "2026-11-24T18:30:00-05:00", "in 2 hours")]
    [InlineData("call me back in like three hours im in class", "2026-11-24T19:30:00-05:00", "in 3 hours")]
    [InlineData("after two hours", "2026-11-24T18:30:00-05:00", "in 2 hours")]
    [InlineData("Tomorrow morning, first thing, like eight?", "2026-11-25T08:00:00-05:00", "tomorrow morning, at 8")]
    [InlineData("in half an hour", "2026-11-24T17:00:00-05:00", "in 30 minutes")]
    [InlineData("give me an hour and ring back", "2026-11-24T17:30:00-05:00", "in 1 hour")]
    [InlineData("tonight", "2026-11-24T19:00:00-05:00", "tonight")]
    [InlineData("next week", "2026-11-30T10:00:00-05:00", "next week")]
    [InlineData("ring me next week, Tuesday", "2026-12-01T10:00:00-05:00", "next week, tuesday")]
    [InlineData("Thursday next week at 2", "2026-12-03T14:00:00-05:00", "thursday next week at 2")]
    [InlineData("Friday at 10:30 am", "2026-11-27T10:30:00-05:00", "friday at 10:30 am")]
    [InlineData("tomorrow", "2026-11-25T10:00:00-05:00", "tomorrow")]
    [InlineData("on Tuesday at 9", "2026-12-01T09:00:00-05:00", "on tuesday at 9")]
    [InlineData("this evening at seven", "2026-11-24T19:00:00-05:00", "this evening at 7")]
    [InlineData("the day after tomorrow at noon", "2026-11-26T12:00:00-05:00", "the day after tomorrow at 12:00 pm")]
    [InlineData("2026-12-01T14:00", "2026-12-01T14:00:00-05:00", "2026-12-01T14:00")]
    [InlineData("tomorrow after lunch", "2026-11-25T13:00:00-05:00", "tomorrow after lunch")]
    [InlineData("tomorow at 5pm", "2026-11-25T17:00:00-05:00", "tomorrow at 5pm")]
    [InlineData("tommorow at 4", "2026-11-25T16:00:00-05:00", "tomorrow at 4")]
    [InlineData("wensday morning", "2026-11-25T09:00:00-05:00", "wednesday morning")]
    [InlineData("tomorrow, first thing", "2026-11-25T09:00:00-05:00", "tomorrow, 9 am")]
    [InlineData("Thursday, half five", "2026-11-26T17:30:00-05:00", "thursday, 5:30")]
    [InlineData("friday late afternoon", "2026-11-27T16:00:00-05:00", "friday 4 pm")]
    [InlineData("tomorrow after work", "2026-11-25T18:00:00-05:00", "tomorrow 6 pm")]
    [InlineData("the week after next", "2026-12-07T10:00:00-05:00", "the week after next")]
    [InlineData("give it twenty minutes", "2026-11-24T16:50:00-05:00", "in 20 minutes")]
    [InlineData("Wednesday between 2 and 4", "2026-11-25T14:00:00-05:00", "wednesday at 2")]
    [InlineData("Thursday, say 4-ish", "2026-11-26T16:00:00-05:00", "thursday, at 4")]
    [InlineData("not before 4 tomorrow", "2026-11-25T16:00:00-05:00", "from 4 tomorrow")]
    [InlineData("twelve thirty tomorrow", "2026-11-25T12:30:00-05:00", "12:30 tomorrow")]
    [InlineData("tomorrow, any time after 5", "2026-11-25T17:00:00-05:00", "tomorrow, after 5")]
    [InlineData("after the school run, say 3", "2026-11-25T15:00:00-05:00", "after lunch, at 3")]
    [InlineData("friday lunchtime", "2026-11-27T12:30:00-05:00", "friday lunchtime")]
    [InlineData("wednesday mornin", "2026-11-25T09:00:00-05:00", "wednesday morning")]
    [InlineData("cal me tomoro at 4 pls", "2026-11-25T16:00:00-05:00", "tomorrow at 4")]
    [InlineData("Call me after the weekend.", "2026-11-30T10:00:00-05:00", "monday")]
    [InlineData("Tomorrow, around elevenish?", "2026-11-25T11:00:00-05:00", "tomorrow, around 11")]
    [InlineData("Wednesday? 11 works for me.", "2026-11-25T11:00:00-05:00", "wednesday? at 11")]
    public void Phrases_resolve_to_instants_in_the_customers_zone(string text, string expected, string phrase)
    {
        var time = CallbackTimeParser.Resolve(text, Now, NewYork);

        Assert.NotNull(time);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), time.At);
        Assert.Equal(phrase, time.Phrase);
    }

    [Theory]
    [InlineData("Call me back later.")]
    [InlineData("I have 2 kids and a dog.")]
    [InlineData("whenever")]
    [InlineData("Not today, maybe later.")]
    [InlineData("Maybe later on today.")]
    [InlineData("Could you ring back today?")]
    [InlineData("That'll stop the power going out every night, will it?")]
    [InlineData("The lights go off every night at three.")]
    [InlineData("It trips each morning around 7 am.")]
    [InlineData("the power's been dropping out every arvo and it's driving me mad")]
    [InlineData("")]
    public void Text_without_a_time_resolves_to_nothing(string text) => Assert.Null(CallbackTimeParser.Resolve(text, Now, NewYork));

    [Theory]
    [InlineData("tomorrow at quarter to five", "2026-11-25T16:45:00-05:00")]
    [InlineData("ring me at a quarter to one tomorrow", "2026-11-25T12:45:00-05:00")]
    [InlineData("Thursday, quarter to nine in the morning", "2026-11-26T08:45:00-05:00")]
    public void Quarter_to_is_in_the_hour_before(string text, string expected) =>
        AssertResolves(text, expected);

    [Theory]
    [InlineData("I'm at work until five, ring me after that.", "2026-11-24T17:00:00-05:00")]
    [InlineData("busy till 6 pm, call after then", "2026-11-24T18:00:00-05:00")]
    [InlineData("I'm home every evening after six, ring me then.", "2026-11-24T18:00:00-05:00")]
    public void Busy_until_a_time_then_after_that_is_after_that_time(string text, string expected) =>
        AssertResolves(text, expected);

    [Theory]
    [InlineData("Don't call me before noon, I work nights. Ring back at 2.", "2026-11-25T14:00:00-05:00")]
    [InlineData("Don't ring before ten, I'm on nights. Call back at 11.", "2026-11-25T11:00:00-05:00")]
    public void A_limit_gives_way_to_the_time_asked_for_after_it(string text, string expected) =>
        AssertResolves(text, expected);

    [Theory]
    [InlineData("Call me at 3, no wait, I've got the dentist, make it 5.", "2026-11-24T17:00:00-05:00")]
    [InlineData("Call me on Friday. Actually no, Friday's no good, make it Monday.", "2026-11-30T10:00:00-05:00")]
    [InlineData("Tomorrow at 2, no wait, make it 4.", "2026-11-25T16:00:00-05:00")]
    [InlineData("Could you try Thursday, I mean Friday, around three?", "2026-11-27T15:00:00-05:00")]
    [InlineData("Call me at 2. No, sorry, 3 is better.", "2026-11-25T15:00:00-05:00")]
    [InlineData("Can you call at 4 instead? Actually 5.", "2026-11-24T17:00:00-05:00")]
    [InlineData("Try me Wednesday, no, Thursday, after lunch.", "2026-11-26T13:00:00-05:00")]
    [InlineData("Ring me Friday, sorry, Saturday afternoon.", "2026-11-28T14:00:00-05:00")]
    [InlineData("Sorry, tomorrow at 3 then.", "2026-11-25T15:00:00-05:00")]
    [InlineData("at nine no wait im away friday make it thursday at nine", "2026-11-26T09:00:00-05:00")]
    public void After_a_correction_the_corrected_time_is_meant(string text, string expected) =>
        AssertResolves(text, expected);

    [Theory]
    [InlineData("I don't have time for this today, can you try me Saturday morning?", "2026-11-28T09:00:00-05:00")]
    [InlineData("Oh sure, I've got loads of free time on a Tuesday morning. Try Thursday at ten.", "2026-11-26T10:00:00-05:00")]
    [InlineData("Now's not good. Can you call tomorrow afternoon, around 3?", "2026-11-25T15:00:00-05:00")]
    [InlineData("I'm free tomorrow, call me at 3.", "2026-11-25T15:00:00-05:00")]
    [InlineData("I'm away till the weekend. Call me on the 27th at ten.", "2026-11-27T10:00:00-05:00")]
    public void Of_several_times_the_one_in_the_request_to_call_is_meant(string text, string expected) =>
        AssertResolves(text, expected);

    [Theory]
    [InlineData("im at wrk call me on fryday after for", "2026-11-27T16:00:00-05:00")]
    [InlineData("Saturday around noonish", "2026-11-28T12:00:00-05:00")]
    [InlineData("tomorrow at ten past four", "2026-11-25T16:10:00-05:00")]
    [InlineData("Thursday at twenty to five", "2026-11-26T16:40:00-05:00")]
    [InlineData("tomorrow at 4.30", "2026-11-25T16:30:00-05:00")]
    [InlineData("the 28th", "2026-11-28T10:00:00-05:00")]
    [InlineData("December 1st at 2", "2026-12-01T14:00:00-05:00")]
    [InlineData("the 3rd of December, in the morning", "2026-12-03T09:00:00-05:00")]
    [InlineData("the 2nd", "2026-12-02T10:00:00-05:00")]
    [InlineData("same time next week", "2026-12-01T16:30:00-05:00")]
    [InlineData("towards the end of the week", "2026-11-27T10:00:00-05:00")]
    public void Spellings_minutes_past_and_to_and_days_of_the_month_are_read(string text, string expected) =>
        AssertResolves(text, expected);

    [Theory]
    [InlineData("ring back in forty-five minutes", "2026-11-24T17:15:00-05:00")]
    [InlineData("Friday, mid-morning?", "2026-11-27T10:00:00-05:00")]
    [InlineData("Oh, sixish.", "2026-11-24T18:00:00-05:00")]
    [InlineData("Saturday, sevenish", "2026-11-28T19:00:00-05:00")]
    public void Hyphenated_times_and_an_hour_with_ish_are_read(string text, string expected) =>
        AssertResolves(text, expected);

    [Fact]
    public void Hang_on_corrects_a_time() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(-5)),
            CallbackTimeParser.Resolve("Thursday afternoon, no, hang on, tomorrow morning suits better.", Now, NewYork)?.At);

    [Fact]
    public void At_for_is_speech_recognitions_at_four() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.FromHours(-5)), CallbackTimeParser.Resolve("cant tlk now call me bak at for", Now, NewYork)?.At);

    [Fact]
    public void The_same_words_mean_the_local_time_of_each_zone()
    {
        var lisbon = CallbackTimeParser.Resolve("tomorrow at 5 pm", Now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon"))!;
        var tokyo = CallbackTimeParser.Resolve("tomorrow at 5 pm", Now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"))!;

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero), lisbon.At);
        // 21:30 UTC is already Wednesday 06:30 in Tokyo, so "tomorrow" is Thursday.
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 17, 0, 0, TimeSpan.FromHours(9)), tokyo.At);
        Assert.Equal(TimeZoneInfo.Utc, CustomerClock.Zone("Mars/Olympus_Mons"));
        Assert.Equal(TimeZoneInfo.Utc, CustomerClock.Zone(null));
    }

    [Theory]
    [InlineData("im bizy call bak at for fifteen tomorrow", "2026-11-25T16:15:00-05:00")]
    [InlineData("Call at 5. Actually no, 6, I won't be home till six.", "2026-11-24T18:00:00-05:00")]
    [InlineData("Ah cannae talk the noo, phone us back the morra at twelve.", "2026-11-25T12:00:00-05:00")]
    [InlineData("cant talk now cal me bak tomoro at too", "2026-11-25T14:00:00-05:00")]
    public void Misheard_minutes_a_corrected_bare_hour_and_scots_tomorrow_resolve(string text, string expected) =>
        AssertResolves(text, expected);

    [Theory]
    [InlineData("Try me tomorrow morning, wait, no, I've got the dentist. Tomorrow afternoon, like three.", "2026-11-25T15:00:00-05:00")]
    [InlineData("friday ate thirty in the morning", "2026-11-27T08:30:00-05:00")]
    [InlineData("friday like nine a m", "2026-11-27T09:00:00-05:00")]
    public void A_correction_after_wait_no_and_misheard_eight_and_am_resolve(string text, string expected) => AssertResolves(text, expected);

    [Theory]
    [InlineData("Saturday", true)]
    [InlineData("the day after tomorrow", true)]
    [InlineData("on the 27th", true)]
    [InlineData("Saturday morning", false)]
    [InlineData("tomorrow at 5", false)]
    [InlineData("tonight", false)]
    [InlineData("next week", false)]
    [InlineData("in 2 hours", false)]
    public void A_day_without_a_time_of_it_is_told_apart(string phrase, bool dayOnly) => Assert.Equal(dayOnly, CallbackTimeParser.NamesDayOnly(phrase));

    [Theory]
    [InlineData("saturday", "say eleven in the morning", "2026-11-28T11:00:00-05:00")]
    [InlineData("the day after tomorrow", "about three in the afternoon", "2026-11-26T15:00:00-05:00")]
    [InlineData("saturday", "actually make it sunday at 2", "2026-11-29T14:00:00-05:00")]
    [InlineData("saturday at 4", "at 9", "2026-11-28T09:00:00-05:00")]
    [InlineData("thursday at 10", "actually no, make it eleven", "2026-11-26T11:00:00-05:00")]
    [InlineData("saturday at 4", "tomorrow at 9", "2026-11-25T09:00:00-05:00")]
    [InlineData("tomorrow at 9", "wait no not tomorrow friday friday at nine", "2026-11-27T09:00:00-05:00")]
    [InlineData("on thursday", "Three in the afternoon.", "2026-11-26T15:00:00-05:00")]
    public void The_hour_asked_for_completes_or_corrects_the_day_named_before(string earlier, string later, string expected) =>
        AssertResolves(CallbackTimeParser.Complete(earlier, later), expected);

    [Fact]
    public void A_time_skipped_by_daylight_saving_moves_an_hour_on()
    {
        // Saturday 7 March 2026, 20:00 in New York; clocks jump from 02:00 to 03:00 on Sunday.
        var saturday = new DateTimeOffset(2026, 3, 8, 1, 0, 0, TimeSpan.Zero);

        var time = CallbackTimeParser.Resolve("tomorrow at 2:30 am", saturday, NewYork)!;

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 30, 0, TimeSpan.FromHours(-4)), time.At);
    }

    [Theory]
    [InlineData("2026-11-24T18:30:00-05:00", "today at 6:30 pm")]
    [InlineData("2026-11-25T12:00:00-05:00", "tomorrow at noon")]
    [InlineData("2026-11-26T10:00:00-05:00", "on Thursday at 10 am")]
    [InlineData("2026-12-07T09:00:00-05:00", "on Monday 7 December at 9 am")]
    public void A_callback_is_read_back_as_a_day_and_an_hour_in_the_customers_zone(string at, string said) =>
        Assert.Equal(said, CallbackReadBack.Say(DateTimeOffset.Parse(at, CultureInfo.InvariantCulture), Now, NewYork));

    [Fact]
    public void A_phrase_is_read_back_as_the_moment_it_names_and_kept_when_it_names_none()
    {
        Assert.Equal("tomorrow at 8 am", CallbackReadBack.Of("today. tomorrow morning, at 8", Now, NewYork));
        Assert.Equal("whenever suits", CallbackReadBack.Of("whenever suits", Now, NewYork));
    }
}
