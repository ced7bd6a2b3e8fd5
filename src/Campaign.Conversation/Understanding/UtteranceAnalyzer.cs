using System.Text.RegularExpressions;
using Campaign.Abstractions.Customers;

namespace Campaign.Conversation.Understanding;

/// <summary>
/// The deterministic language-understanding layer: what a customer line means (yes/no, interest, busy, callback and
/// its time, a request for information, a concern, a question from the script's FAQ, an objection from the script's
/// list, goodbye, opt-out). Rules only, so the same words always give the same result.
/// </summary>
public static partial class UtteranceAnalyzer
{
    public static Utterance Analyze(string text, ScriptKnowledge knowledge)
    {
        var normalized = TextTokens.Normalize(text);
        var tokens = TextTokens.Content(text);
        // "That can't be right, can it?" states what it says: a tag question asks nothing of the script.
        // A line opening with a question word asks only if its first sentence is not closed as a statement: "When it's
        // windy we lose everything." and "Where do I start. Maybe the fact…" state what they say.
        var isQuestion = (text.TrimEnd().EndsWith('?') && !TagQuestion().IsMatch(normalized)) || (QuestionStart().IsMatch(normalized) && !StatementStart().IsMatch(normalized));
        var faq = knowledge.FaqIndex.Find(text, tokens, isQuestion);
        var objection = PhraseMatcher.Best(tokens, knowledge.Objections, 0.6)?.Item;
        // A bare "not now" puts the call off, like "I'm busy"; "not now, not ever" or "no, not interested" does not.
        // "I'm slammed right now… okay, quickly, yes, I'm interested": a yes given after the busy words carries the call on
        // ("it sounds fine, just not this week" still puts it off).
        var busy = (Busy().IsMatch(normalized) || BareNotNow().IsMatch(normalized)) && !YesAfterBusy(normalized);
        var timePhrase = CallbackTimeParser.Resolve(text, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc)?.Phrase;
        // "I'm busy, tomorrow at 3 would be better" asks for a callback as plainly as "call me back tomorrow at 3".
        // So does "Not now. Tomorrow, around eleven?": the moment refused and another named.
        // So does "Weekends are better. Saturday morning, about ten?": a moment said to suit better ("any weekday morning
        // is best for me" is when they are free in general, not a call to make).
        var suitsBetter = SuitsBetter().IsMatch(normalized) && !AnyMoment().IsMatch(normalized);
        // "Would the electrician ring me before he comes out?" asks about the visit, and "you can contact me on this number
        // any time" or "contact me by email" says where to reach them: neither asks for this call to be made again.
        var callback = (Callback().IsMatch(normalized) && !OthersCalling().IsMatch(normalized) && !ReachableAnyTime().IsMatch(normalized))
            || ((busy || NotNow().IsMatch(normalized) || suitsBetter) && timePhrase is not null);
        // "Not now, maybe later" hedges about the time of a callback, not about the offer.
        var hedged = HedgedInterest().IsMatch(normalized);
        // "I might be, but I can't talk now": with the moment refused, a hedge is about later, not about the offer.
        // "I don't know what they did, my uncle says get it checked, so yes, I am interested": a yes said after the hedge settles it.
        var neutral = (Neutral().IsMatch(normalized) || hedged) && !callback && !(busy && !Interested().IsMatch(normalized))
            && (hedged || !InterestAfterHedge(normalized));
        var concern = ConcernExtractor.Extract(text, knowledge.Issues, knowledge.Topics);
        var interest = NotInterested().IsMatch(normalized) && !RefusesOnlyOnCondition(normalized) ? Interest.NotInterested
            : neutral ? Interest.Neutral
            : Interested().IsMatch(normalized) && !hedged ? Interest.Interested
            : (Interest?)null;
        // The script's "I'm not interested" shares its words with "so yes, I am interested": only a refusal is that objection.
        if (objection is { Kind: ObjectionKind.NotInterested } && interest != Interest.NotInterested)
        {
            objection = null;
        }

        return new Utterance
        {
            Text = text,
            OptOut = OptOutDetector.IsOptOut(text),
            Polarity = neutral ? Polarity.None : PolarityOf(normalized),
            Interest = interest,
            Busy = busy,
            CallbackRequested = callback,
            TimePhrase = timePhrase,
            WantsMoreInfo = MoreInfo().IsMatch(normalized) && !NoMoreInfo().IsMatch(normalized),
            // "Bad time, sorry" is about the moment of the call, not a complaint.
            ConcernFound = busy && concern is { IsClause: true } ? null : concern,
            AsksIdentity = Identity().IsMatch(normalized),
            WantsPerson = PersonRequest.IsRequest(text),
            // "Apart from the lights going off every night, no": the no leaves out what it names.
            NoConcerns = NoConcerns().IsMatch(normalized) && !Exception().IsMatch(normalized),
            IsQuestion = isQuestion,
            Negates = Negation().IsMatch(normalized),
            Faq = faq,
            Objection = objection,
            Goodbye = Goodbye().IsMatch(normalized),
            Semantics = knowledge.Semantics,
            ReportedIssues = knowledge.IssueNames,
        };
    }

    /// <summary>
    /// Whether the line plainly asks for another call, who is calling or a person ("ring me another time", "are you a
    /// robot?", "I want a human"): such a line is no hint of an opt-out, so the semantic layer is not asked about it.
    /// The opt-out rules still are.
    /// </summary>
    public static bool AsksForCallbackOrIdentity(string text)
    {
        var normalized = TextTokens.Normalize(text);
        return Callback().IsMatch(normalized) || Identity().IsMatch(normalized) || PersonRequest.IsRequest(text);
    }

    private static bool InterestAfterHedge(string normalized)
    {
        var hedge = Neutral().Matches(normalized).LastOrDefault();
        var yes = Interested().Matches(normalized).LastOrDefault();
        return hedge is not null && yes is not null && yes.Index > hedge.Index + hedge.Length
            && normalized.AsSpan(hedge.Index + hedge.Length, yes.Index - hedge.Index - hedge.Length).IndexOfAny(".,;!?") >= 0;
    }

    private static bool YesAfterBusy(string normalized)
    {
        var busy = Busy().Matches(normalized).LastOrDefault();
        var yes = Interested().Matches(normalized).LastOrDefault();
        return busy is not null && yes is not null && yes.Index >= busy.Index + busy.Length;
    }

    /// <summary>Whether the line says when the customer is free in general ("any morning works for me"), not a moment to call.</summary>
    public static bool NamesAnyMoment(string text) => AnyMoment().IsMatch(TextTokens.Normalize(text));

    /// <summary>Whether the line asks to be called again ("ring me back Saturday", "can you try me tomorrow?").</summary>
    public static bool AsksForCallback(string text) => Callback().IsMatch(TextTokens.Normalize(text));

    /// <summary>Whether the line answers yes and says nothing against the offer ("Oh, how thoughtful. Yeah, I suppose.").</summary>
    public static bool SaysYes(string text)
    {
        var normalized = TextTokens.Normalize(text);
        return PolarityOf(normalized) == Polarity.Yes && !NotInterested().IsMatch(normalized) && !Neutral().IsMatch(normalized);
    }

    /// <summary>
    /// Whether the line's last sentence is nothing but a yes or a no ("Oh brilliant, a sales call. No."): what came
    /// before it, however it reads, is said around the answer, not instead of it.
    /// </summary>
    public static bool EndsWithBareAnswer(string text)
    {
        var sentences = TextTokens.Normalize(text).Split(['.', '!', '?'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return sentences.Length > 1 && BareAnswer().IsMatch(sentences[^1]);
    }

    /// <summary>What a script objection is about, from its own wording.</summary>
    public static ObjectionKind KindOf(string objection)
    {
        var normalized = TextTokens.Normalize(objection);
        return OptOutDetector.IsOptOut(objection) ? ObjectionKind.OptOut
            : Busy().IsMatch(normalized) ? ObjectionKind.Busy
            : NotInterested().IsMatch(normalized) ? ObjectionKind.NotInterested
            : ObjectionKind.Other;
    }

    // "If this is about switching supplier I'm not interested. Oh, an inspection? Then yes.": a refusal on a condition
    // the offer turns out not to meet, then a plain yes.
    private static bool RefusesOnlyOnCondition(string normalized) =>
        PolarityOf(normalized) == Polarity.Yes && EndsWithBareAnswer(normalized) && !NotInterested().IsMatch(Conditional().Replace(normalized, " "));

    [GeneratedRegex(@"\b(?:no|not|nope|nah|never|nothing|none|neither|nor|without|pass|rather|hardly|doubt)\b")]
    private static partial Regex Negation();

    [GeneratedRegex(@"\b(?:apart from|except(?: for)?|other than|besides|aside from|bar) (?:the |my |our |a |that |those |these )?\w+")]
    private static partial Regex Exception();

    [GeneratedRegex(@"(?:^|(?<=[.!?]\s*))if [^.!?]*[.!?]")]
    private static partial Regex Conditional();

    private static Polarity PolarityOf(string normalized)
    {
        // "I don't want to be on long, I'm on my break. Sure, quickly.": a last sentence that is nothing but an answer
        // is the answer, whatever came before it.
        var sentences = normalized.Split(['.', '!', '?'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (sentences.Length > 1 && BareAnswer().Match(sentences[^1]) is { Success: true } last)
        {
            return last.Groups[1].Value is "no" or "nope" or "nah" or "naw" ? Polarity.No : Polarity.Yes;
        }

        var start = Filler().Replace(normalized, "");
        if (YesStart().IsMatch(start))
        {
            return Polarity.Yes;
        }

        if (NoStart().IsMatch(start))
        {
            return Polarity.No;
        }

        var yes = YesWord().Match(normalized);
        var no = NoWord().Match(normalized);
        return (yes.Success, no.Success) switch
        {
            (true, true) => yes.Index < no.Index ? Polarity.Yes : Polarity.No,
            (true, false) => Polarity.Yes,
            (false, true) => Polarity.No,
            _ => Polarity.None,
        };
    }

    // "Sure, because you lot are so helpful" and "sure, because the last one went so well" are sarcasm too.
    [GeneratedRegex(@"^((well|oh|um+|uh+|hmm+|mm+|mhm|so|erm|ah|yeah,? right|(?:yeah|yes|sure)(?=,? because (?:you|your|the|that|it|they)\b)|no (?:charges?|costs?|fees?|catch)(?=\?| then\b)|er|right(?=[.,]\s*\w))\b[\s,.?]*)+")]
    private static partial Regex Filler();

    [GeneratedRegex(@"^(yes|yeah|yeh|yea|yah|yep|yup|ya|aye|ja|haan|sure|ok|okay|k|kk|please(?=\W*$)|grand(?=\W*(?:$|do\b|yes\b|yeah\b|aye\b|go\b|send\b|thanks?\b))|do(?=\W*$)|go for it|too right|you bet|alright|all right|of course|certainly|absolutely|definitely|fine|go ahead|go on|please do(?! not)|why not|i do|i have|that would be (great|good|nice|fine|lovely)|sounds (good|great|fine)|uh huh|right|correct|no problem|i (suppose|guess|reckon|think) so|i (suppose|guess|reckon)(?=\W*$)|if you (must|like|want|insist))\b(?! not\b)")]
    private static partial Regex YesStart();

    [GeneratedRegex(@"^(?:(?:fine|okay|ok|alright|so|then|well|anyway|anyhow),? )?(yes|yeah|yep|aye|no|nope|nah|naw|sure|go on|go ahead)(,? (please|thanks|thank you|then|quickly|quick))?$")]
    private static partial Regex BareAnswer();

    [GeneratedRegex(@"^(no|nope|nah|naw|not really|not now|not at all|not today|i do not think so|never|(absolutely|definitely|certainly) not)\b")]
    private static partial Regex NoStart();

    // "Yeah, right" is sarcasm, not a yes.
    [GeneratedRegex(@"\b(yes|yeah|yeh|yea|yep|yup|aye)\b(?!,? right\b)")]
    private static partial Regex YesWord();

    // "Friday at 3, no, make that Monday": the no of a correction to a time.
    [GeneratedRegex(@"\b(no|nope|nah|naw)\b(?! (one|problem|doubt|charges?|costs?|fees?|catch)\b)(?!,? (?:wait,? |sorry,? |hang on,? |hold on,? |actually,? |scratch that,? |make (?:it|that) |i mean |on |at )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|\d))")]
    private static partial Regex NoWord();

    [GeneratedRegex(@"\b(not|nae|no) (really |very |that |at all )?interested\b|\bnot for me\b|\b(do not|not) (need|want) (it|this|that|one|any of (it|this|that))\b|\bno need\b|\bnot keen\b(?! on (?!(it|that|this|the idea)\b))|\bno interest\b|\bnot worth it\b|\b(i will|i'll|ill|i am going to|going to) pass\b|\bpass on (it|that|this)\b|\bnot for (us|me right now)\b|\bnot bothered\b(?! either way| me\b| us\b)|\bnot my thing\b|\bnot up for (it|that|this)\b|\bcould not care less\b|\b(i would|i'd) rather not\W*(thanks|thank you|ta|cheers)?\W*$")]
    private static partial Regex NotInterested();

    [GeneratedRegex(@"\bmaybe\b|\bnot (so |too |really |quite |entirely )?sure\b|\bperhaps\b|\b(i will|let me) think\b|\bthink about it\b|\b(it )?depends\b|\bi do not,? (really |quite )?know\b|\bpossibly\b|\bwe will see\b|\bnot certain\b|\bunsure\b|\bundecided\b|\bnot yet\b|\bmight be\b|\b(i will|i'll|i would|i'd|i need to|i have to|i would have to|i'd have to|i'll have to|let me) (check|ask|talk|speak|discuss|consult|sleep on)\b|\bsleep on it\b|\b(?:need|have|got) to (?:ask|check with|talk to|speak to|speak with|talk with|discuss (?:it |this |that )?with) (?:my|the|him|her|them)\b|\brun (?:it|this|that) (?:by|past)\b|\b(?:i will|i'll|let me|i can) decide\b|\bin two minds\b|\bon the fence\b|\bhard to say\b|\bnot decided\b|\bcould be\b(?! (?:useful|good|handy|helpful|worthwhile|worth (?:it|doing|having)|a good idea)\b)|\beither way\b|\bnot saying (yes|no)\b(?=[^.?!]*\b(either|yet|but)\b)|\bnot promising (anything|owt)\b|\bno promises\b")]
    private static partial Regex Neutral();

    [GeneratedRegex(@"\binterested\b|\binteresting\b|\btell me more\b|\bsounds (good|great|interesting|nice|useful|fine|lovely|brilliant)\b|\bi(?: would|\'d) (actually |really |quite |definitely )?(like|love) (to hear|that|it|one|more|this|to know)\b|\bsign me up\b|\bcount me in\b|\blet us do it\b|\blet's do it\b|\bgo ahead\b|\bgo on\b|\bwhy not\b|\bplease do\b(?! not)|\bthat would be (great|good|nice|helpful|useful)\b|\bbook (me|us|it) in\b|\bput (me|us) down\b|\bsounds like a (plan|good idea)\b|\bgo for it\b|\bi am in\b(?!\s+\w)|\bi would (really )?(like|love) (that|it|one|to book|to have)\b|\bhappy to (have|do|book|go ahead)\b|\bi am (listening|all ears)\b|\bfire away\b|\bi will bite\b|\bhear you out\b|\bup for (it|that|this)\b|\b(?:we|i)(?: will|'ll) (?:do|book) (?:it|that|one)\b|\bwe(?: will|'ll) have (?:it|one|that)\b|\bcould be (?:useful|good|handy|helpful|worthwhile|worth (?:it|doing|having)|a good idea)\b|(?<!\bif )\bi (do |really |definitely )?want (that|it|one|this)\b|\bi(?: will|'ll) (?:have|take) (?:it|one|that)\b(?![^.?!]*\b(?:off|away|back)\b)")]
    private static partial Regex Interested();

    [GeneratedRegex(@"\bbusy\b|\bnot a (good|great|convenient) (time|moment)\b|\bbad timing\b|\b(bad|awkward) moment\b|\bi am (cooking|driving|eating|having (my )?(dinner|lunch|tea)|in the shower|at the (doctor|dentist|hospital)\w*)\b|\bon the other line\b|\b(caught|tied) up\b|\b(now|right now|this)( is|'s) not (good|great|a good time|convenient)\b|\b(heading|rushing|running) out\b|\bon my way (out|to)\b|\bcan not (talk|speak|chat) (now|right now|at the moment)\b|\bwith a (customer|client|patient)\b|\b(bad|inconvenient|awkward) time\b|\bin a meeting\b|\bi am driving\b|\bat work\b|\bcan not talk\b|\bno time\b|\bdo not have (the )?time\b(?! for (?:that|this|it|these|those|any of (?:that|this|it))\b)|\bin the middle of\b(?! the (?:night|day|morning|afternoon|evening|winter|summer|storm|outage)\b)|\bi am (?:in|at) (?:the )?office\b|\bi am (about to leave|on my way out|just leaving)\b|\b(my )?hands (are )?full\b|\bsnowed under\b|\b(swamped|slammed|flat out|run off my feet)\b|\bup to my (eyes|neck|ears)\b|\b(out|off out) the door\b|\bat the shops\b|\bin the bath\b|\b(now|right now|this)( is|'s) no good\b|\bno good (right )?now\b|\bjust not (now|right now|today|tonight|this (week|morning|afternoon|evening)|at the moment)\b")]
    private static partial Regex Busy();

    [GeneratedRegex(@"\bcall (me |us )?(back|again|later|another time)\b(?<!\b(?:get|got|had|receive|received) (?:a |any )?call \w+)|\b(ring|phone|bell|buzz) (me |us )?(back|later|another time|some other time)\b|\b(give|gimme) (me|us) a (call|ring|bell|buzz)\b|\bget back to (me|us)\b|\b(catch|try) (me|us) (later|another|tomorrow|tonight|this|next|after|at|on|in)\b|\b(call|ring|phone|try|reach|contact) (me|us|my (?:mobile|cell|landline|work (?:phone|number|mobile)|other number|husband|wife|partner)) (back |again )?(on|at|in|after|around|about|before|by|tomorrow|today|tonight|this|next|later|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(can|could|would) you (call|ring|phone|try) (tomorrow|tonight|this (morning|afternoon|evening)|later|next|at|around|about|after|in|the day after|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday|the \d+(st|nd|rd|th)?))\b|\byou (could|can|would|might) (call|ring|phone|try) (me |us )?(back |again )?(on|at|in|after|around|tomorrow|tonight|this|next|later|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(?:please|pls|plz|kindly) (?:call|ring|phone|try)(?: me| us)?(?: back| again)? (?:on |at |in |after |around |by )?(?:the )?(?:day after tomorrow|tomorrow|tonight|later|next|this|\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\banother (time|day)\b|\bsome other (time|day)\b|\btry (again )?later\b|\btry (again )?(on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight)\b|\bcall back\b(?<!\b(?:get|got|had|receive|received) (?:a |any )?call back)|\bcallback\b|\b(can|could|would) you (call|ring|phone|try)( me| us)?( back)? (on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(ring|phone|try) (me |us )?again\b(?<!\b(not|never|no|stop|dare|if you|when you)\b[^.?!]*)|\b(call|ring|phone|try) (after|at|around|about|before|by) (\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|quarter|noon|midday|lunch)(?<!\b(not|never|no|stop|dare|if you|when you|who|why)\b[^.?!]*)|\b(maybe|perhaps|possibly) later\b|\blater (maybe|perhaps)\b|\b(can|could|shall) we (do|make it|say) (it )?(on )?(tomorrow|tonight|this|next|later|another|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")]
    private static partial Regex Callback();

    // Who rings before the visit: "would the electrician ring me before he comes out?", "will they call us first?".
    [GeneratedRegex(@"\b(?:would|will|does|do|can|could|should|is|are) (?:(?:the|your|an?|that|this) (?:electrician|engineer|technician|man|guy|fella|bloke|lad|person|team|installer|inspector|sparky)|he|she|they) (?:ring|call|phone|contact|text)(?:ing)? (?:me|us)\b(?=.*\b(?:before|beforehand|ahead|first|on the day|arriv\w*|comes?|coming|turns? up|visit\w*)\b)")]
    private static partial Regex OthersCalling();

    // "You can contact me on this number any time", "contact me by email": where to reach them, not a call to make again.
    [GeneratedRegex(@"\b(?:you can|you could|feel free to|free to) (?:call|ring|phone|contact|reach) (?:me|us)(?: on| at)? (?:this|that|my|the) (?:number|phone|mobile|cell|landline)(?: \w+)? (?:any ?time|whenever)\b|\b(?:contact|reach|get) (?:me|us) (?:by|via|through|on) (?:email|e-mail|post|mail|text|letter|whatsapp|sms|message)\b")]
    private static partial Regex ReachableAnyTime();

    [GeneratedRegex(@"^(?:(?:sorry|um|erm|well|oh|ah),? )*not (?:right )?now(?:,? (?:sorry|thanks|thank you|please|love|mate))*\W*$")]
    private static partial Regex BareNotNow();

    [GeneratedRegex(@"\bnot (now|right now|today|tonight|this (morning|afternoon|evening|week)|at the moment)\b")]
    private static partial Regex NotNow();

    [GeneratedRegex(@"\b(is|are|would be|will be|'d be) (better|best|easier)\b|\bsuits? (me|us) (better|best)\b")]
    private static partial Regex SuitsBetter();

    [GeneratedRegex(@"\bany (week ?day|week ?end|day|morning|afternoon|evening|time)\b")]
    private static partial Regex AnyMoment();

    // "I might be interested later on" defers the answer; it is not yet interest.
    [GeneratedRegex(@"\b(might|may|could) be interested\b|\binterested later\b")]
    private static partial Regex HedgedInterest();

    // A statement ending in a tag question: ", is it?", ", can it?", ", isn't it?", ", right?".
    [GeneratedRegex(@",\s*(?:(?:is|was|can|could|does|do|will|would|are|has|have)(?: not)?\s+(?:it|they|there|that|he|she|you|we)|right|eh|innit)\s*\?\s*$")]
    private static partial Regex TagQuestion();

    [GeneratedRegex(@"\bsend (me |us )?(some |more |the |an? |further )?(info|information|details|brochure|leaflet|email|text|letter|something|it|that|them)\b|\bsend (?:me |us )?(?:your |the |a |some )?(?:\w+ )?(?:brochure|leaflet|pamphlet|booklet|paperwork|whatever|stuff|bumf|literature)\b|\b(stick|pop|put|bung|chuck) (it|them|one|something|a leaflet) (in the (post|mail)|through the (door|letterbox)|over)\b|\bsend away\b|\b(post|mail) (me|us) (out |over )?(something|some|the|a|an|it|that|them|whatever|stuff|info|information|details)\b|\b(email|e-mail|text|mail|write to) (me|us)\b|\bmore (info|information|details)\b|\bin writing\b|\b(some|the|further) information\b|\b(by |the |a |an )?(post|email|e-mail|mail|letter|text|whatsapp)('s| is| would be| will do| works)( (absolutely|perfectly|just))? (fine|ok|okay|good|great|best|perfect)\b|^\W*(by |via |on )?(email|e-mail|post|text|whatsapp|letter)\W*(please|thanks|thank you|ta)?\W*$")]
    private static partial Regex MoreInfo();

    [GeneratedRegex(@"\b(no|not|do not need|do not want|without)\b[^.?!]{0,20}\b(info|information|details)\b|\b(?:do not|dinnae|dinna|never|no need to|no point) (?:bother(?:ing)? )?(?:to )?send(?:ing)?\b")]
    private static partial Regex NoMoreInfo();

    // "Nothing's ever free" and "nothing works out there" are no denial.
    [GeneratedRegex(@"\bnothing( really| at all| else| much)?\b(?!('s| is)? ever\b| (works|working|happens|comes on|turns on)\b)|\bno (concerns?|worries|problems?|issues?|complaints?)\b|\bnot really\b|\ball good\b|\beverything('s| is) (fine|ok|okay|good|great|working|back to normal)\b|\bi am (fine|good|happy)\b|\bnone\b|\bnot worried\b|\b(works|working) (fine|well|normally|great)\b|^\W*not that i (know|am aware) of\b|^\W*not that i can (think of|recall|remember)\b|^\W*not as far as i know\b")]
    private static partial Regex NoConcerns();

    [GeneratedRegex(@"\bwho (is this|are you|is calling|is speaking|am i (speaking|talking) to)\b|\b(are you|is this|am i (speaking|talking) to) (just )?(one of those |some (kind |sort )?of |a |an )?(robot|machine|computer|real person|person|human|bot|recording|ai|automated)\b|\bwhat company\b|\bwhere are you calling from\b|\bwho did you say (?:you (?:are|were)|this is|was calling|is calling)\b|\b(?:is this|are you) (?:a |an )?(?:real|genuine|legit\w*|proper|official) (?:call|company|business|person|firm)\b|\bis (?:this|it) (?:a |one of those |some (?:kind|sort) of )?scams?\b")]
    private static partial Regex Identity();

    // "Don't ring the landline", "can't talk now": a negated auxiliary opens a statement or a command, not a question.
    [GeneratedRegex(@"^(?:who|what|when|where|why|how|which)\b|^(?:is|are|can|could|will|would|do|does|did|should|shall|may|am)\b(?! not\b)")]
    private static partial Regex QuestionStart();

    // A first sentence opening with "when", "where" or "if" that ends as a statement; "what gets me is …" states a worry.
    [GeneratedRegex(@"^(when|where|if)\b[^?]*?[.!](\s|$)|^what (?:really )?(?:gets|worries|bothers|annoys|scares|frightens|bugs|irritates|concerns) (?:me|us)(?: most)? is\b|^what (?:i|we) (?:hate|mind|worry about|do not like|dread)(?: most)? is\b")]
    private static partial Regex StatementStart();

    [GeneratedRegex(@"\b(goodbye|good bye|bye|cheerio|ta ta|have to go|got to go|gotta go|talk (to you )?later|(?:i am |i will |i'll |i'm |going to |gonna |about to |just )hang up|hanging up|hang up now)\b(?<!\b(?:not|never)(?: you)?(?: dare)? (?:hang|hanging) up)(?<!\b(?:have|got|gotta) to go(?= (?:and|to|out|round|back|up|down|over|in|through|check|get|push|find|fetch|see|look)\b))")]
    private static partial Regex Goodbye();
}
