using System.Globalization;
using System.Text.RegularExpressions;

namespace Campaign.Conversation.Understanding;

/// <summary>
/// Turns what a customer says about when to call back ("tomorrow at 5 pm", "Monday morning", "after 6", "in two
/// hours") into an instant in the customer's time zone. A bare hour means the afternoon up to 7 and the morning from
/// 8 ("at 5" is 17:00); a day without a time means 10:00; a time already past today means tomorrow.
/// </summary>
public static partial class CallbackTimeParser
{
    private const int DefaultHour = 10;

    private static readonly (Regex Pattern, string Replacement)[] Words =
    [
        // What is not a time: "not today", "not now" refuse a moment rather than name one.
        // "Three in the afternoon": a bare hour with the part of the day it falls in.
        (new(@"(?<!\b(?:at|by|after|around|about|before|until|till|from) |:)\b(\d{1,2}) (?=in the (?:morning|afternoon|evening)\b|at night\b)", RegexOptions.Compiled), "at $1 "),
        // "The power goes out every night at three": how often something happens names no moment to call.
        (new(@"\b(?:every|each)(?: other| single)? (?:night|nite|evening|evenin|morning|mornin|afternoon|arvo|day|week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?(?: (?:at|around|about) (?:\d{1,2}(?::\d{2})?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?: ?[ap]m)?)?\b", RegexOptions.Compiled), ""),
        // "Not tomorrow, Friday at nine": a day refused is no day named.
        (new(@"\bnot (?:on )?(today|now|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this (week|morning|afternoon|evening))\b", RegexOptions.Compiled), ""),
        // "Don't call me before noon, I work nights. Ring back at 2": the limit gives way to the time asked for after it.
        (new(@"\b(?:do not|dont) (?:call|ring|phone)(?: me| us)? (?:before|until|till) [^.;!?]*[.;!?]\s*(?=.*\b(?:at|around|about|after) \d)", RegexOptions.Compiled), ""),
        (new(@"\bnot (before|until|till) ", RegexOptions.Compiled), "from "),
        // "call me back at for", "after for": speech recognition's spelling of "four" after "at" or "after".
        (new(@"\b(at|after|around|by) too\b(?=\s*(?:pm|am|o'?clock|[.,!?]|$|(?:thirty|fifteen|forty five|30|15|45)\b))", RegexOptions.Compiled), "$1 2"),
        (new(@"\b(at|after|around|by) for\b(?=\s*(?:pm|am|o'?clock|[.,!?]|$|(?:thirty|fifteen|forty five|30|15|45)\b))", RegexOptions.Compiled), "$1 4"),
        // "3 is better", "4 works for me": a bare hour named as the time that suits.
        (new(@"(?<!\b(?:at|around|about|after|before|by|from|until|till) )\b(\d{1,2}(?::\d{2})?) (?:is|would be|'d be|works|suits)(?: \w+)? (?:better|best|fine|good|great|for me)\b", RegexOptions.Compiled), "at $1"),
        // "At 4? Actually 5.": a bare hour after a correction is the time meant.
        (new(@"\b(actually no|actually|i mean|or rather|no wait|sorry),? (\d{1,2}(?::\d{2})?)\b(?! (?:minutes?|mins?|hours?|days?|weeks?|of|things?|people))", RegexOptions.Compiled), "$1 at $2"),
        // "Make it 5", "say 5": a bare hour named as the time meant.
        (new(@"\b(make it|let us say|let's say|how about|what about) (\d{1,2}(?::\d{2})?)\b(?! (minutes?|hours?|days?|weeks?))", RegexOptions.Compiled), "$1 at $2"),
        // "I'm at work until five, ring me after that": the time named is the end of what keeps them busy.
        (new(@"\b(?:until|till|til) (\d{1,2}(?::\d{2})?(?: ?[ap]m)?)\b(?=.*\bafter (?:that|then)\b)", RegexOptions.Compiled), "after $1"),
        // "ate thirty in the morning", "nine a m": speech recognition's spelling of "eight" and of "am" / "pm".
        (new(@"(?<=^\W*|\b(?:at|after|around|about|by|say|like|maybe|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday) )ate\b(?=\s*(?:thirty|fifteen|forty five|o'?clock|am|pm|a m|p m|in the|[.,!?]|$))", RegexOptions.Compiled), "8"),
        (new(@"(?<=\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) )([ap]) m\b", RegexOptions.Compiled), "$1m"),
        (new(@"\b(mornin|morn|mornig|monring)\b", RegexOptions.Compiled), "morning"),
        (new(@"\b(evenin|eve)\b", RegexOptions.Compiled), "evening"),
        (new(@"\b(arvo|afternon|aftrnoon)\b", RegexOptions.Compiled), "afternoon"),
        (new(@"\b(tomorow|tommorrow|tomoro|tomorro|tmoro|tmrw|tmr|to morrow|the morra|the morrow)\b", RegexOptions.Compiled), "tomorrow"),
        (new(@"\b(wensday|wednsday|wendsday)\b", RegexOptions.Compiled), "wednesday"),
        (new(@"\b(thurs|thur)\b", RegexOptions.Compiled), "thursday"),
        (new(@"\b(tues)\b", RegexOptions.Compiled), "tuesday"),
        (new(@"\b(fryday|fridy|friady)\b", RegexOptions.Compiled), "friday"),
        (new(@"\b(munday|mondy)\b", RegexOptions.Compiled), "monday"),
        (new(@"\b(saterday|satday|saturdy)\b", RegexOptions.Compiled), "saturday"),
        (new(@"\b(sundy|sonday)\b", RegexOptions.Compiled), "sunday"),
        // "4.30" as British writing has it, "the end of the week", "same time next week".
        (new(@"\b(\d{1,2})\.(\d{2})\b", RegexOptions.Compiled), "$1:$2"),
        (new(@"\b(?:the )?end of (?:the|this) week\b", RegexOptions.Compiled), "friday"),
        (new(@"\b(?:after|once|over) the weekend\b", RegexOptions.Compiled), "monday"),
        (new(@"\bmid ?week\b", RegexOptions.Compiled), "wednesday"),
        (new(@"\b(?:same time|this time) next week\b|\ba week (?:today|from today|from now)\b", RegexOptions.Compiled), "in 7 days"),
        (new(@"\b(\d{1,2}) (thirty|30)\b", RegexOptions.Compiled), "$1:30"),
        (new(@"\b(\d{1,2}) (fifteen|15)\b", RegexOptions.Compiled), "$1:15"),
        (new(@"\b(\d{1,2}) (forty five|45)\b", RegexOptions.Compiled), "$1:45"),
        (new(@"\b(\d{1,2}) ?- ?ish\b", RegexOptions.Compiled), "$1"),
        (new(@"\bbetween (\d{1,2}(?::\d{2})?) and \d{1,2}\b", RegexOptions.Compiled), "at $1"),
        (new(@"\b(say|about|maybe|like|roughly) (\d{1,2})\b(?! (minutes?|hours?|days?|weeks?))", RegexOptions.Compiled), "at $2"),
        (new(@"\b(any ?time|anytime|whenever) (after|from) ", RegexOptions.Compiled), "after "),
        (new(@"\b(give (it|me)|wait|after) (?=(?:\d{1,3}|an?|one) (minutes?|mins?|hours?|hrs?)\b)", RegexOptions.Compiled), "in "),
        // "In like three hours", "in about 2 hours": a relative time with a hedge.
        (new(@"\bin (?:like|about|around|roughly|maybe|say|approximately|just|another) (?=(?:\d{1,3}|an?|one) (minutes?|mins?|hours?|hrs?|days?)\b)", RegexOptions.Compiled), "in "),
        // "First thing, like eight": the hour named is the time meant.
        (new(@"\bfirst thing(?: in the morning)?,? (?:like |about |around |say |at |maybe )?(?=\d{1,2}\b(?! (?:minutes?|hours?|days?|weeks?)))", RegexOptions.Compiled), "at "),
        (new(@"\b(after|once) (the )?(school run|lunch)\b", RegexOptions.Compiled), "after lunch"),
        (new(@"\b(an|1|one) hour and a half\b", RegexOptions.Compiled), "90 minutes"),
        (new(@"\bhalf an hour\b", RegexOptions.Compiled), "30 minutes"),
        (new(@"\ba few minutes\b", RegexOptions.Compiled), "5 minutes"),
        (new(@"\ba couple of\b", RegexOptions.Compiled), "2"),
        (new(@"\b(an|a) (hour|day|week)\b", RegexOptions.Compiled), "1 $2"),
        (new(@"\b(noon|midday)(?: ?-? ?ish)?\b", RegexOptions.Compiled), "12:00 pm"),
        (new(@"\bhalf past (\d{1,2})\b", RegexOptions.Compiled), "$1:30"),
        (new(@"\bquarter past (\d{1,2})\b", RegexOptions.Compiled), "$1:15"),
        (new(@"\bhalf (\d{1,2})\b", RegexOptions.Compiled), "$1:30"),
        (new(@"\b(\d{1,2}) ?ish\b", RegexOptions.Compiled), "$1"),
        (new(@"\bfirst thing( in the morning)?\b", RegexOptions.Compiled), "9 am"),
        (new(@"\bearly morning\b", RegexOptions.Compiled), "8 am"),
        (new(@"\b(mid ?morning|mid morning)\b", RegexOptions.Compiled), "10 am"),
        (new(@"\blate morning\b", RegexOptions.Compiled), "11 am"),
        (new(@"\bearly afternoon\b", RegexOptions.Compiled), "1 pm"),
        (new(@"\bmid ?afternoon\b", RegexOptions.Compiled), "3 pm"),
        (new(@"\blate afternoon\b", RegexOptions.Compiled), "4 pm"),
        (new(@"\b(end of the (working |work )?day|tea ?time)\b", RegexOptions.Compiled), "5 pm"),
        (new(@"\b(after work|after i finish work|once i am home from work)\b", RegexOptions.Compiled), "6 pm"),
    ];

    private static readonly string[] Numbers =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["fifteen"] = 15,
        ["twenty"] = 20,
        ["twenty five"] = 25,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["forty five"] = 45,
        ["ninety"] = 90,
    };

    /// <summary>The time the text mentions, resolved from <paramref name="now"/>; null when it mentions none.</summary>
    public static CallbackTime? Resolve(string? text, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Iso().Match(text) is { Success: true } iso)
        {
            return FromIso(iso.Value, zone);
        }

        var s = Prepare(text);
        if (Relative().Match(s) is { Success: true } relative)
        {
            var amount = int.Parse(relative.Groups["n"].Value, CultureInfo.InvariantCulture);
            var unit = relative.Groups["unit"].Value;
            var span = unit[0] switch
            {
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => TimeSpan.FromDays(7 * amount),
            };
            return new CallbackTime(now + span, relative.Value);
        }

        // Where a line names more than one time, the time it asks for wins: the one after a correction ("at 3, no
        // wait, make it 5"), else the one in the clause asking to be called ("I don't have time today, can you try me
        // Saturday morning?"); what that part does not say (the day of "call me tomorrow, make it 5") comes from the rest.
        var meant = Meant(s);
        var day = Pick(Day().Matches(s), meant);
        var clock = Pick(Clock().Matches(s), meant);
        var part = Pick(DayPart().Matches(s), meant);
        if (meant is { } meantSpan && (Within(clock, meantSpan) || Within(part, meantSpan)))
        {
            // A clock time or part of the day in the part meant replaces both of those named before it ("on a Tuesday
            // morning. Try Thursday at ten"); one that follows it completes it ("call this afternoon, around 3").
            clock = Within(clock, meantSpan) || clock.Index >= meantSpan.End ? clock : Match.Empty;
            part = Within(part, meantSpan) || part.Index >= meantSpan.End ? part : Match.Empty;
        }

        // "I'm away till the weekend. Call me on the 27th": a day of the month in the part meant wins over a day named
        // elsewhere.
        var dayOfMonth = Pick(DayOfMonth().Matches(s), meant);
        if (day.Success && meant is { } dated && Within(dayOfMonth, dated) && !Within(day, dated))
        {
            day = Match.Empty;
        }

        dayOfMonth = day.Success ? Match.Empty : dayOfMonth;
        if (!day.Success && !part.Success && !clock.Success && !dayOfMonth.Success)
        {
            return null;
        }

        // "Maybe later on today" names no moment: the time is still to be asked, not 10:00 (long past, or tomorrow).
        if (day.Groups["day"].Value == "today" && !part.Success && !clock.Success)
        {
            return null;
        }

        var localNow = CustomerClock.Local(now, zone);
        var inWeek = dayOfMonth.Success ? null : WeekdayOfNamedWeek(Day().Matches(s));
        var (date, rollDays) = dayOfMonth.Success ? MonthDate(dayOfMonth, localNow)
            : inWeek is { } named ? (Date(named.Week, localNow).Date.AddDays(((int)named.Day - (int)DayOfWeek.Monday + 7) % 7), 7)
            : Date(day, localNow);
        var time = TimeOfDay(clock, part);
        var local = date + time;
        if (local <= localNow)
        {
            local = local.AddDays(rollDays);
        }

        var matches = new[] { day, part, clock, dayOfMonth, inWeek?.Week ?? Match.Empty, inWeek?.Weekday ?? Match.Empty }.Where(m => m.Success).ToList();
        var start = matches.Min(m => m.Index);
        var end = matches.Max(m => m.Index + m.Length);
        return new CallbackTime(CustomerClock.Instant(local, zone), s[start..end].Trim());
    }

    /// <summary>
    /// Whether a phrase names a day ("Saturday", "tomorrow", "the day after tomorrow", "the 27th") and no time of it, so
    /// the hour is still to be asked.
    /// </summary>
    public static bool NamesDayOnly(string? phrase)
    {
        if (string.IsNullOrWhiteSpace(phrase) || Iso().IsMatch(phrase))
        {
            return false;
        }

        var s = Prepare(phrase);
        var day = Day().Match(s);
        var named = day.Success && day.Groups["day"].Value is not ("today" or "tonight" or "week" or "weekend");
        return (named || DayOfMonth().IsMatch(s)) && !Clock().IsMatch(s) && !DayPart().IsMatch(s) && !Relative().IsMatch(s);
    }

    /// <summary>
    /// The callback phrase once <paramref name="later"/> answers "what time?" after <paramref name="earlier"/> named only
    /// a day: "Saturday" then "say eleven in the morning" is "Saturday say eleven in the morning"; or corrects the hour
    /// of a day already timed: "Thursday at ten" then "make it eleven" is "thursday make it eleven". A later phrase that
    /// names its own day, or a relative time, replaces the earlier one.
    /// </summary>
    public static string Complete(string? earlier, string later)
    {
        var s = Prepare(later);
        if (string.IsNullOrWhiteSpace(earlier) || Day().IsMatch(s) || DayOfMonth().IsMatch(s) || Relative().IsMatch(s) || Iso().IsMatch(later))
        {
            return later;
        }

        if (NamesDayOnly(earlier))
        {
            return $"{earlier.Trim()} {later.Trim()}";
        }

        var before = Prepare(earlier);
        var day = Day().Match(before) is { Success: true } named ? named : DayOfMonth().Match(before);
        return day.Success ? $"{day.Value} {later.Trim()}" : later;
    }

    private static bool Within(Match m, (int Start, int End) span) => m.Success && m.Index >= span.Start && m.Index < span.End;

    // The first match inside the part meant, else the first match at all.
    private static Match Pick(MatchCollection matches, (int Start, int End)? meant)
    {
        if (matches.Count == 0)
        {
            return Match.Empty;
        }

        if (meant is { } span)
        {
            foreach (Match m in matches)
            {
                if (Within(m, span))
                {
                    return m;
                }
            }
        }

        return matches[0];
    }

    // The part of a line that names the time meant, when the line names times in more than one part: what follows the
    // last correction ("no wait", "actually no", "make it"), else the last clause that asks to be called or tried.
    private static (int Start, int End)? Meant(string s)
    {
        var pieces = new List<(int Start, int End)>();
        var start = 0;
        foreach (Match b in PieceBreak().Matches(s))
        {
            pieces.Add((start, b.Index));
            start = b.Index + b.Length;
        }

        pieces.Add((start, s.Length));
        // "at nine no wait im away friday make it thursday at nine": a correction with a time on both sides, even in one
        // unpunctuated run of words.
        var correction = Correction().Matches(s).LastOrDefault();
        if (correction is not null && HasTime(s[correction.Index..]) && HasTime(s[..correction.Index]))
        {
            return (correction.Index, s.Length);
        }

        var timed = pieces.Where(p => HasTime(s[p.Start..p.End])).ToList();
        if (timed.Count < 2)
        {
            return null;
        }

        var asking = timed.LastOrDefault(p => Asking().IsMatch(s[p.Start..p.End]));
        return asking == default ? null : asking;
    }

    private static bool HasTime(string piece) => Day().IsMatch(piece) || Clock().IsMatch(piece) || DayPart().IsMatch(piece);

    private static string Prepare(string text)
    {
        // "Forty-five minutes", "mid-morning": a hyphen between words is a space ("four-ish" keeps its hedge).
        var words = WordHyphen().Replace(TextTokens.Normalize(text), " ");
        words = NumberIsh().Replace(words, m => TimeWordBefore().IsMatch(words[..m.Index]) ? m.Groups[1].Value : "at " + m.Groups[1].Value);
        var s = TensWord().Replace(words, m => Tens[m.Groups[1].Value].ToString(CultureInfo.InvariantCulture) + " " + m.Groups[2].Value);
        s = NumberWord().Replace(s, m => Array.IndexOf(Numbers, m.Value).ToString(CultureInfo.InvariantCulture));
        // "Quarter to five" is 4:45, in the hour before the one it names.
        s = QuarterTo().Replace(s, m => $"{(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 10) % 12 + 1}:45");
        // "Ten past four" is 4:10, "twenty to five" 4:40.
        s = PastOrTo().Replace(s, m =>
        {
            var minutes = m.Groups[1].Value switch { "twenty" => 20, "twenty five" => 25, var n => int.Parse(n, CultureInfo.InvariantCulture) };
            var hour = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value == "past" ? $"{hour}:{minutes:00}" : $"{(hour + 10) % 12 + 1}:{60 - minutes:00}";
        });

        foreach (var (pattern, replacement) in Words)
        {
            s = pattern.Replace(s, replacement);
        }

        return s;
    }

    // "The 28th", "December 1st": that day of the named month, else of this month, else of the next; a day already
    // past this year is next year's.
    private static (DateTime Date, int RollDays) MonthDate(Match dayOfMonth, DateTime localNow)
    {
        var today = localNow.Date;
        var day = int.Parse(dayOfMonth.Groups["dom"].Value, CultureInfo.InvariantCulture);
        if (day is < 1 or > 31)
        {
            return (today, 1);
        }

        var name = dayOfMonth.Groups["mon"].Value;
        var month = name.Length == 0 ? today.Month
            : Array.FindIndex(Months, m => m.StartsWith(name, StringComparison.Ordinal)) + 1;
        var date = On(today.Year, month, day);
        if (date < today)
        {
            date = name.Length == 0 ? On(today.AddMonths(1).Year, today.AddMonths(1).Month, day) : On(today.Year + 1, month, day);
        }

        return (date, 1);
    }

    private static DateTime On(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));

    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    // "Next week, Tuesday", "Thursday next week": a weekday in the week named; null unless both are named.
    private static (Match Week, Match Weekday, DayOfWeek Day)? WeekdayOfNamedWeek(MatchCollection days)
    {
        var week = days.FirstOrDefault(m => m.Groups["day"].Value == "week" && !m.Groups["fortnight"].Success);
        var weekday = days.FirstOrDefault(m => Enum.TryParse<DayOfWeek>(m.Groups["day"].Value, ignoreCase: true, out _));
        return week is null || weekday is null ? null : (week, weekday, Enum.Parse<DayOfWeek>(weekday.Groups["day"].Value, ignoreCase: true));
    }

    // The date the customer named, and how many days to add if that moment has already passed.
    private static (DateTime Date, int RollDays) Date(Match day, DateTime localNow)
    {
        var today = localNow.Date;
        if (!day.Success)
        {
            return (today, 1);
        }

        var word = day.Groups["day"].Value;
        if (word == "today" || word == "tonight")
        {
            return (today, 1);
        }

        if (word == "tomorrow")
        {
            return (today.AddDays(day.Groups["after"].Success ? 2 : 1), 1);
        }

        if (word == "week" && day.Groups["fortnight"].Success)
        {
            var untilMonday = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
            return (today.AddDays((untilMonday == 0 ? 7 : untilMonday) + 7), 7);
        }

        if (word == "week")
        {
            var untilMonday = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
            return (today.AddDays(untilMonday == 0 ? 7 : untilMonday), 7);
        }

        var target = word == "weekend" ? DayOfWeek.Saturday : Enum.Parse<DayOfWeek>(word, ignoreCase: true);
        var days = ((int)target - (int)today.DayOfWeek + 7) % 7;
        if (days == 0 && day.Groups["next"].Success)
        {
            days = 7;
        }

        return (today.AddDays(days), 7);
    }

    private static TimeSpan TimeOfDay(Match clock, Match part)
    {
        var partWord = part.Success ? part.Groups["part"].Value : null;
        if (!clock.Success)
        {
            return partWord switch
            {
                "morning" => TimeSpan.FromHours(9),
                "lunch" or "lunchtime" when part.Groups["after"].Success => TimeSpan.FromHours(13),
                "lunch" or "lunchtime" => new TimeSpan(12, 30, 0),
                "afternoon" => TimeSpan.FromHours(14),
                "evening" => TimeSpan.FromHours(18),
                "night" or "tonight" => TimeSpan.FromHours(19),
                _ => TimeSpan.FromHours(DefaultHour),
            };
        }

        var hour = int.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = clock.Groups["m"].Success ? int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var suffix = clock.Groups["ampm"].Value;
        if (suffix.StartsWith('p') && hour < 12)
        {
            hour += 12;
        }
        else if (suffix.StartsWith('a') && hour == 12)
        {
            hour = 0;
        }
        else if (!suffix.StartsWith('a') && !suffix.StartsWith('p') && hour is >= 1 and <= 11)
        {
            var afternoon = partWord is "afternoon" or "evening" or "night" or "tonight" or "lunch" or "lunchtime" || (partWord is null && hour <= 7);
            hour += afternoon ? 12 : 0;
        }

        var time = new TimeSpan(Math.Min(hour, 23), Math.Min(minute, 59), 0);
        return clock.Groups["prep"].Value == "before" ? time - TimeSpan.FromHours(1) : time;
    }

    private static CallbackTime? FromIso(string value, TimeZoneInfo zone)
    {
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) &&
            HasOffset().IsMatch(value))
        {
            return new CallbackTime(withOffset, value);
        }

        return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new CallbackTime(CustomerClock.Instant(local, zone), value)
            : null;
    }

    [GeneratedRegex(@"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b")]
    private static partial Regex NumberWord();

    [GeneratedRegex(@"\b(?:at|around|about|after|before|by|from|until|till|say|maybe|like|roughly|or)\s+$")]
    private static partial Regex TimeWordBefore();

    [GeneratedRegex(@"(?<=[a-z])-(?=[a-z])(?!ish\b)")]
    private static partial Regex WordHyphen();

    // "Elevenish", "threeish": the hour with its hedge, a time even said alone ("Oh, fourish.").
    [GeneratedRegex(@"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-?ish\b")]
    private static partial Regex NumberIsh();

    [GeneratedRegex(@"\b(twenty five|forty five|fifteen|twenty|thirty|forty|ninety) (minutes?|mins?)\b")]
    private static partial Regex TensWord();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")]
    private static partial Regex Iso();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex HasOffset();

    [GeneratedRegex(@"\bin (about |around )?(?<n>\d{1,3}) (?<unit>minutes?|mins?|hours?|hrs?|days?|weeks?)\b")]
    private static partial Regex Relative();

    [GeneratedRegex(@"\b(?:(?<after>(?:the )?day after) (?<day>tomorrow)|(?<day>tomorrow|today|tonight)|(?:the )?(?<fortnight>(?<day>week) after next)|next (?<day>week)|(?:this |the |next )?(?<day>weekend)|(?:(?<next>next) |this |on )?(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?)\b")]
    private static partial Regex Day();

    [GeneratedRegex(@"\b(?:(?<after>after) |in the |this |tomorrow |at |around )?(?<part>morning|afternoon|evening|night|tonight|lunchtime|lunch)\b")]
    private static partial Regex DayPart();

    [GeneratedRegex(@"\b(?:(?<prep>at|around|about|after|before|by|from) (?<h>\d{1,2})(?::(?<m>\d{2}))? ?(?<ampm>am|pm|a\.m\.?|p\.m\.?|o'?clock)?|(?<h>\d{1,2})(?::(?<m>\d{2}))? ?(?<ampm>am|pm|a\.m\.?|p\.m\.?|o'?clock)|(?<h>\d{1,2}):(?<m>\d{2}))(?![\d:])")]
    private static partial Regex Clock();

    [GeneratedRegex(@"[.;!?]+\s*|,\s*")]
    private static partial Regex PieceBreak();

    [GeneratedRegex(@"\b(?:no wait|actually no|actually|no,? sorry|sorry,? no|i mean|(?:no|sorry),? (?=(?:on |at |make (?:it|that) )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|\d))|scratch that|or rather|on second thought|make it|make that|change that to|better make it|(?:no,? )?(?:hang|hold) on|no,? wait|wait,? no)\b")]
    private static partial Regex Correction();

    [GeneratedRegex(@"\b(?:call|ring|phone|try|reach|catch|give me a (?:call|ring|bell)|can we do|could we do|how about|what about)\b")]
    private static partial Regex Asking();

    [GeneratedRegex(@"\b(5|10|20|25|twenty five|twenty) (past|to) (\d{1,2})\b(?! (?:minutes?|mins?|hours?|days?))")]
    private static partial Regex PastOrTo();

    // "The 3rd", "the 28th of November", "December 1st", "Dec 2".
    [GeneratedRegex(@"\b(?:(?<mon>january|february|march|april|june|july|august|september|october|november|december|jan|feb|apr|jun|jul|aug|sept|sep|oct|nov|dec) (?:the )?(?<dom>\d{1,2})(?:st|nd|rd|th)?|(?:the )?(?<dom>\d{1,2})(?:st|nd|rd|th)(?: of (?<mon>january|february|march|april|may|june|july|august|september|october|november|december))?)\b")]
    private static partial Regex DayOfMonth();

    [GeneratedRegex(@"\bquarter to (\d{1,2})\b")]
    private static partial Regex QuarterTo();
}
