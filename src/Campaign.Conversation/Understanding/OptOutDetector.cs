using System.Text.RegularExpressions;

namespace Campaign.Conversation.Understanding;

/// <summary>How sure the detector is that a line asks never to be called again.</summary>
public enum OptOutSignal
{
    None,

    /// <summary>It may be a request to stop calling ("why do you keep calling me?"): the agent asks before going on.</summary>
    Possible,

    /// <summary>It asks to stop calling, be removed, unsubscribe or never be contacted again.</summary>
    Definite,
}

/// <summary>
/// Recognises a request never to be called again. It runs outside the model, on every customer line, so such a request
/// is honoured whatever the model makes of it. A missed opt-out is a violation and a false one costs a customer, so a
/// line that only might be one is <see cref="OptOutSignal.Possible"/> and the agent asks. "Don't call me before 5" is not
/// an opt-out; "don't call me" is.
/// </summary>
public static partial class OptOutDetector
{
    public static bool IsOptOut(string? text) => Classify(text) == OptOutSignal.Definite;

    public static OptOutSignal Classify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return OptOutSignal.None;
        }

        var line = Prepare(text);
        if (ChannelSwitch.Redirects(line))
        {
            return OptOutSignal.None;
        }

        var clauses = Clauses().Split(line).Select(c => c.Replace(",", "", StringComparison.Ordinal).Trim()).Where(c => c.Length > 0).ToList();
        var signals = clauses.Select(ClassifyClause).ToList();
        if (signals.Contains(OptOutSignal.Definite))
        {
            return OptOutSignal.Definite;
        }

        // A short request broken up by pauses ("Stop. Calling. Me.") reads whole once its punctuation is gone.
        var joined = Punctuation().Replace(line, " ").Trim();
        if (clauses.Count > 1 && joined.Split(' ').Length <= 10 && ClassifyClause(Spaces().Replace(joined, " ")) == OptOutSignal.Definite)
        {
            return OptOutSignal.Definite;
        }

        // "Why do you keep calling? Stop." Annoyance and a bare "stop" together are a request.
        if (clauses.Any(c => Annoyed().IsMatch(c)) && clauses.Any(c => BareStop().IsMatch(c)))
        {
            return OptOutSignal.Definite;
        }

        // "I rang your number four times and got cut off every single time": the customer's own calls to the company
        // are a complaint about its service; what annoys them is not being called.
        if (signals.Contains(OptOutSignal.Possible) && WithoutOwnCalling(line) is { } rest && !CallingWord().IsMatch(rest))
        {
            return OptOutSignal.None;
        }

        if (!signals.Contains(OptOutSignal.Possible))
        {
            // The net under the rules: words of ending or refusing near words of calling may be a request phrased in a way
            // no rule foresaw, so the agent asks rather than carry on.
            // "The end of the day" and "the weekend" name a time, not an ending.
            // The customer's own calls ("I never get a call back") are no calling of them here either.
            return clauses.Select(c => OwnCalling().Replace(NotBothered().Replace(DayOff().Replace(c, " "), " "), " ")).Any(c => Cessation().IsMatch(TimeOfEnding().Replace(c, " ")) && CallingWord().IsMatch(c) && !IsLimitedRequest(c)) ? OptOutSignal.Possible : OptOutSignal.None;
        }

        // "Stop! The dog's getting out. Sorry, carry on.": the customer takes the stop back themselves.
        return CarryOn().IsMatch(line) && !clauses.Any(c => Annoyed().IsMatch(c)) ? OptOutSignal.None : OptOutSignal.Possible;
    }

    /// <summary>
    /// Whether a line has any word a request to stop calling is made of: calling or contact ("ring", "phone", "number",
    /// "list"), ending or refusing ("stop", "never", "remove", "off", "again"), or annoyance ("sick of", "keep", "why").
    /// A line without one ("Thursday morning suits me") cannot be an opt-out, so nothing more is done with it.
    /// </summary>
    /// <summary>
    /// The line without "I'm not bothered" (indifference about the offer, not annoyance at the calls), or null when it
    /// says no such thing.
    /// </summary>
    public static string? WithoutIndifference(string text)
    {
        var line = Prepare(text);
        return NotBothered().IsMatch(line) ? NotBothered().Replace(line, " ") : null;
    }

    /// <summary>
    /// The line without the customer's own calls to the company ("I rang your number", "I've phoned the helpline"), or
    /// null when it tells of none.
    /// </summary>
    public static string? WithoutOwnCalling(string text)
    {
        var line = Prepare(text);
        return OwnCalling().IsMatch(line) ? OwnCalling().Replace(line, " ") : null;
    }

    /// <summary>Whether the line has a word of ending or refusing ("stop", "enough", "done", "remove", "never").</summary>
    public static bool NamesEnding(string text) => Cessation().IsMatch(Prepare(text));

    public static bool MayConcernCalls(string? text) => !string.IsNullOrWhiteSpace(text) && CandidateWord().IsMatch(Idiom().Replace(Prepare(text), " "));

    // Sayings made of words of ending that end nothing: "not off the top of my head".
    [GeneratedRegex(@"\b(?:not )?off the top of (?:my|me|our) heads?\b")]
    private static partial Regex Idiom();

    // "I'm not bothered (either way)", "not fussed": indifference about the offer, not annoyance at the calls.
    [GeneratedRegex(@"\b(?:am |is |are |really |honestly |that |too |particularly )*not (?:really |that |too |particularly )?(?:bothered|fussed)\b(?! (?:by|with|about) (?:the |these |your )?(?:call|ring|phon))")]
    private static partial Regex NotBothered();

    // "I rang your number", "I have called you lot", "we phoned the helpline": the customer calling the company;
    // "nobody at your company ever answers the phone", "I never get a call back": the company not answering them; and
    // "someone traipsing round during my calls": the customer's own (work) calls.
    [GeneratedRegex(@"\b(?:i|we)(?:'ve|'d|ve)?(?: (?:have|had|already|even|must have|also|then|just))* (?:rang|rung|called|phoned|telephoned|dialled|dialed|tried (?:calling|ringing|phoning)|kept (?:calling|ringing|phoning)|(?:ring|call|phone)(?= (?:up )?(?:about|regarding|your|the helpline)\b| (?:you lot|you guys|you people)\b))(?: (?:you|your|the|up|back))*(?: (?:\w+ )?(?:number|helpline|hotline|line|office|company|people|lot|guys|team|department|emergency line))?\b|\b(?:nobody|no one|noone|never anyone)(?: \w+){0,4}? (?:answers|answered|picks up|picked up)(?: (?:the|my|our) (?:phone|calls?))?\b|\b(?:i|we)(?: \w+)? (?:never|do not|did not|can not|could not) (?:get|got|had|receive) (?:a |any )?(?:call ?back|reply|answer|response|return call)\b|\b(?:nobody|no one|noone)(?: \w+){0,2}? (?:calls|rings|phones|called|rang|phoned|gets|got) (?:me |us )?back\b|\b(?:when(?:ever)?|every time|each time|if) (?:i|we) (?:phone|ring|call|try)\b|\b(?:i|we) (?:phone|ring|call) up\b|\b(?:on|kept on|put on) hold\b|\b(?:during|between|in|on|drop|drops|dropped|dropping|lose|loses|losing|lost|miss|missed|missing|cuts off|cut off|disconnects?) (?:off |out of )?(?:all )?(?:my|our) (?:work |zoom |teams |conference |video |business |important )?calls\b|\b(?:i|we)(?: have| had)?(?: been)? (?:meaning|going|planning|wanting|about) to (?:call|ring|phone)\b")]
    private static partial Regex OwnCalling();

    // "I'm off work Thursday, call me then", "my day off": a free day, not an ending.
    [GeneratedRegex(@"\b(?:i am|we are|he is|she is|i will be|we will be) off(?= (?:work|today|tomorrow|on|this|next|all|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)|\boff (?:work|sick|duty|shift)\b|\b(?:day|days|time|week) off\b")]
    private static partial Regex DayOff();

    // "By the end of the day"; "the number ending 4471" names which number, not an end of the calls.
    [GeneratedRegex(@"\b(?:(?:the )?end of (?:the |this |next )?(?:working |work |school )?(?:day|week|month|shift)|week ?end|ending (?:in |with )?(?:\d|oh\b|zero\b|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b))")]
    private static partial Regex TimeOfEnding();

    private static OptOutSignal ClassifyClause(string clause)
    {
        if (Removal().IsMatch(clause) && !RemovalOfSomethingElse().IsMatch(clause))
        {
            return OptOutSignal.Definite;
        }

        if (StopContact().IsMatch(clause) || DoNotCallList().IsMatch(clause) || NeverAgain().IsMatch(clause) || NoMoreCalls().IsMatch(clause)
            || Consent().IsMatch(clause))
        {
            return OptOutSignal.Definite;
        }

        if (Unsubscribe().IsMatch(clause) && !UnsubscribeFromSomethingElse().IsMatch(clause))
        {
            return OptOutSignal.Definite;
        }

        if (NegatedContact().Match(clause) is { Success: true } negated)
        {
            // Only a request about calling them: "don't call an engineer out" and "don't call it an outage" are not.
            var rest = clause[(negated.Index + negated.Length)..];
            if (AddressedToThem().IsMatch(rest))
            {
                return Limited().IsMatch(rest) ? OptOutSignal.None
                    : Forever().IsMatch(rest) || EndsCommand().IsMatch(rest) ? OptOutSignal.Definite
                    : OptOutSignal.Possible;
            }
        }

        return Annoyed().IsMatch(clause) || BareStop().IsMatch(clause) ? OptOutSignal.Possible : OptOutSignal.None;
    }

    /// <summary>"Don't call me before 5": a negated request bounded to a time, a line or a name.</summary>
    private static bool IsLimitedRequest(string clause) =>
        NegatedContact().Match(clause) is { Success: true } negated && Limited().IsMatch(clause[(negated.Index + negated.Length)..]);

    /// <summary>Lower case, apostrophes and speech-recognition spellings made regular, contractions expanded.</summary>
    private static string Prepare(string text)
    {
        var normalized = TextTokens.Normalize(text.Replace('\u2019', '\'').Replace('-', ' '));
        normalized = Contraction().Replace(normalized, m => m.Groups[1].Value switch
        {
            "cant" => "can not",
            "dinnae" or "dinna" or "divnae" or "doan" or "dun" => "do not",
            "aff" => "off",
            "yer" => "your",
            "tak" => "take",
            "mynumber" => "my number",
            "thisnumber" => "this number",
            "wont" => "will not",
            "dont" => "do not",
            "didnt" => "did not",
            "doesnt" => "does not",
            "shouldnt" => "should not",
            "wouldnt" => "would not",
            "im" => "i am",
            "ive" => "i have",
            "id" => "i would",
            "youre" => "you are",
            "youve" => "you have",
            "youd" => "you would",
            "i'd" => "i would",
            "i've" => "i have",
            "you've" => "you have",
            "you're" => "you are",
            "you'd" => "you would",
            "they're" => "they are",
            "let's" => "let us",
            "gonna" => "going to",
            "wanna" => "want to",
            "gotta" => "have to",
            "pls" or "plz" => "please",
            "ur" => "your",
            "u" => "you",
            _ => m.Value,
        });
        normalized = NotAboutCalling.Neutralize(normalized);
        normalized = SplitWords().Replace(normalized, m => m.Groups[1].Value + m.Groups[2].Value + m.Groups[3].Value + m.Groups[4].Value);
        normalized = Misheard().Replace(normalized, m => m.Value switch
        {
            "a gain" => "again",
            "of " => "off ",
            _ => m.Value,
        });
        return Spaces().Replace(normalized, " ");
    }

    // Words a speech recogniser splits, merges or mishears, made whole before matching.
    [GeneratedRegex(@"\b(un) (subscribe\w*)\b|\b(opt)(out)\b")]
    private static partial Regex SplitWords();

    [GeneratedRegex(@"\b(dinnae|dinna|divnae|doan|dun|aff|yer|tak|mynumber|thisnumber|cant|wont|dont|didnt|doesnt|shouldnt|wouldnt|im|ive|id|youre|youve|youd|i'd|i've|you've|you're|you'd|they're|let's|gonna|wanna|gotta|pls|plz|ur|u)\b")]
    private static partial Regex Contraction();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\ba gain\b|\bof (?=(?:the|your|ur) (?:\w+ )?(?:list|database|system|records|books|register)\b)")]
    private static partial Regex Misheard();

    [GeneratedRegex(@"[^\w\s']+")]
    private static partial Regex Punctuation();

    // Clauses: sentences, and parts joined by "but" (an opt-out can follow a polite refusal in one breath).
    [GeneratedRegex(@"[.!?;:]+\s*|,?\s+\b(?:but|and then|and also|also)\b\s+|\s*(?:,|\u2014|--)\s*(?=(?:please|and|so|just|i|you|we|do|stop|take|remove|put|never)\b)")]
    private static partial Regex Clauses();

    private const string Whom = @"(?:me|us|myself|(?:both |all )?our (?:\w+ )?numbers|my (?:\w+(?:'s)? )?(?:number|name|details|detail|data|info|information|record|records|contact|contacts|phone|mobile|cell|line)|this (?:\w+ )?(?:number|line|phone)|our (?:number|name|details|phone))";

    private const string Contact = @"(?:call\w*|c[aeo]l+ing|cal|colin|telephon\w*|ring\w*|phon\w*|contact\w*|dial\w*|bother\w*|pester\w*|harass\w*|hassl\w*|disturb\w*|reach\w* out to|get\w* in touch with|trouble\w*|chas\w*|spam\w*|hound\w*|rang|rung)";

    private const string Calls = @"(?:calls?|phone calls?|calling|c[aeo]l+ing|ringing|phoning|robo ?calls?|automated calls?|sales calls?|marketing calls?|cold calls?|contact|messages|these calls|your calls|the calls)";

    private const string ListWord = @"(?:list|lists|listing|database|databases|db|system|systems|register|registry|records?|books|file|files|calls?|calling|ringing|roster|contacts?|directory|numbers|campaigns?|dialler|dialer|auto ?diall?er|program|programme|marketing|mailing|leads?|sheet|spreadsheet|computer|everything|the lot|your end|there|it)";

    // "stop calling", "quit ringing this number", "cease contacting us", "knock it off with the calls".
    [GeneratedRegex(@"\b(?:stop|quit|cease|halt|discontinue|cut out|knock off|give up|pack in)\b(?: \w+){0,3}? " + Contact + @"\b"
        + @"|\b(?:stop|quit|cease|end|halt|enough (?:of|with))\b(?! (?:the|this) call\b)(?: \w+){0,3}? " + Calls + @"\b"
        + @"|\b(?:want|like|need|wish)(?: \w+){0,3}? calls?(?: \w+){0,4}? to (?:end|stop|cease)\b|\bcalls? (?:to (?:this|my) number )?to (?:cease|stop|end)\b|\bput (?:a stop|an end) to\b"
        + @"|\bcount (?:me|us) out\b|\bforget (?:you )?(?:ever )?had (?:this|my) number\b|\bpretend (?:this|my) number\b|\blast (?:call|time)\b(?: \w+){0,6}? (?:ever|from you)\b|\bnever do this again\b"
        + @"|\bonly (?:contact|write to|email|e mail|mail|text|message) (?:me|us)\b|\bnot by (?:phone|telephone)\b|(?<!\b(?:send|sent|post|pop|mail|email)\b(?: \w+){0,4} )\b(?:by )?(?:post|email|writing|letter|mail) only\b"
        + @"|\bif you (?:\w+ )?(?:call|ring|phone|contact)\w* (?:\w+ ){0,3}again\b|\b(?:call|ring|phone)\w* (?:me |us |this number |here )?(?:one more time|again) and\b"
        + @"|\bobject to\b(?: \w+){0,6}? (?:call|calls|calling|contact|processing)\b"
        + @"|\b(?:no|none|disable\w*)\b(?: \w+){0,3}? (?:telephone|phone|outbound|call) contact\b|\bcontact preferences?\b(?: \w+){0,3}? (?:none|no|off|disabled|post|email|mail)\b|\b(?:phone|telephone|call) contact\W+(?:disabled|off|none|no)\b"
        + @"|\bcall (?:mat|na) (?:karo|karna|kijiye|kare)\b|\b(?:number|naam)\b(?: \w+){0,4}? (?:hata|nikaal|nikal|delete kar)\w*|\bcalls? band kar\w*|\bcall nahi chahiye\b"
        + @"|\b(?:knock it off|cut it out|give it a rest|pack it in|enough) (?:with |of )?(?:the|these|your|all the|all these) (?:\w+ )?(?:calls?|calling|ringing)\b")]
    private static partial Regex StopContact();

    // "take me off your list", "remove my number", "I want my number deleted", "lose my number", "scrub us from the database".
    [GeneratedRegex(@"\b(?:take|taking|taken|remove|removing|removed|delete|deleting|deleted|erase|erasing|scrub|scrubbing|strike|wipe|wiping|drop|dropping|cross|crossing|pull|pulling|get|getting|purge|purging|clear|knock|block|blocking|blacklist|blacklisting|bar|barring)\b(?: \w+){0,2}? " + Whom + @"\b(?: \w+){0,6}? \b(?:off|of|from|out of)\b(?:(?: \w+){0,3}? " + ListWord + @"\b|\W*$| please| now| immediately| right away| permanently| for good| thanks| thank you)"
        + @"|\b(?:remove|delete|erase|scrub|purge|drop|wipe|block|blacklist)\b(?: \w+){0,1}? " + Whom + @"\b(?=\W*$| please| now| immediately| right away| permanently| for good| completely| entirely| thanks| thank you| as well| too| altogether)"
        + @"|\b(?:lose|forget|delete|erase|bin|shred) (?:my|this|our) (?:\w+ )?(?:number|details|data|info|information)\b"
        + @"|\b(?:my|this|our) (?:\w+ ){0,2}(?:number|name|details|data|info|information|record|records) (?:\w+ ){0,2}(?:deleted|removed|erased|taken off|scrubbed|wiped|struck off|purged)\b"
        + @"|\b(?:want|like|need|wish|ask|asking|request|requesting|demand|demanding|expect) (?:\w+ ){0,2}(?:to be |being |be )(?:removed|taken off|deleted|erased|scrubbed|unsubscribed|opted out|excluded|left alone)\b"
        + @"|\b(?:i am|we are|i want to be|i would like to be|please be|get|be) (?:removed|taken off|deleted|scrubbed|unsubscribed)\b"
        + @"|\boff (?:your|the|this|that|ur) (?:\w+ ){0,2}(?:call list|calling list|list|lists|database|system|register|records|books|roster|directory)\b")]
    private static partial Regex Removal();

    // Removal of something that is not them from their calls: a fee, an account holder, hold music; or someone else's request.
    [GeneratedRegex(@"\b(?:fee|fees|charge|charges|meter|bill|payment|debit|account|appointment|booking|order|tree|branch)\b(?: \w+){0,3}? (?:off|from) (?:my|the|our) (?:bill|account|statement|invoice|card|roof|garden|meter|plan)\b|\boff hold\b|\btake (?:me|us) (?:off hold|through|back|to|there|home|out)\b|\bput (?:my|her|his) \w+'?s? (?:name )?on\b|\b(?:neighbou?r|friend|sister|brother|mother|father|mum|mom|dad|wife|husband|partner|colleague|son|daughter|he|she|they)(?: \w+)? (?:asked|wanted|requested|said)\b")]
    private static partial Regex RemovalOfSomethingElse();

    // "put me on your do not call list", "I'm registered with the TPS", "this number is on the national do not call registry".
    [GeneratedRegex(@"\bdo not (?:c\w*|contact|ring)(?: me)? (?:list|register|registry|database|system|request)\b|\bno call list\b|\bd ?n ?c (?:list|registry)\b|\bdnc\b|\bd n d\b|\bdnd\b|\b(?:telephone preference service|tps)\b")]
    private static partial Regex DoNotCallList();

    // "I never want to hear from you again", "don't ever contact me", "I don't want these calls", "nobody from your company calls me again".
    [GeneratedRegex(@"\b(?:never|not ever|do not ever|do not you ever|do not you dare|do not dare|never ever|i do not ever)\b(?! (?:asked|signed|agreed|consented|requested|gave)\b| (?:get|got|had|receive|received) (?:a |any )?(?:call ?back|reply|answer|response|return call)\b| (?:near|by|next to|around|at home|home|in|answer\w*|pick (?:it )?up|hear (?:it|the phone))\b)(?: \w+){0,4}? (?:" + Contact + @"|hear from|talk to|speak to|get (?:a |another )?call|receive|want (?:a |another |your )?call)"
        + @"|\b(?:do not|never|no longer|am not|not) (?:want|wish|need|like) (?:to (?:be (?:called|contacted|rung|phoned|telephoned|rang|hearing from)|receive|get|hear (?:from|any more from|anything more from))|(?:any|these|this|your|the|more|further|such) (?:more |further |)(?:calls?|phone calls?|contact|calling|ringing|robo ?calls?)|you (?:people |guys |lot )?(?:to )?(?:call|calling|ring|ringing|phone|phoning|contact|contacting|bother|bothering))"
        + @"|\b(?:prefer|rather|like) not to (?:be (?:called|contacted|rung|phoned)|(?:receive|get|have) (?:any )?(?:more |further )?(?:calls?|phone calls|contact))\b"
        + @"|\b(?:nobody|no one|noone|none of you|no body)\b(?: \w+){0,4}? " + Contact + @"\b(?: \w+){0,3}? (?:again|anymore|any more|ever|in future|from now on)\b"
        + @"|\bwant out of (?:these|your|the|this) (?:calls?|list|calling)\b"
        + @"|\bleave (?:me|us|my family|this (?:number|house)) (?:alone|be|in peace)\b(?! (?:for now|for the moment|for a bit|for a while|for today|today|right now|at the moment|this (?:morning|afternoon|evening|week))\b)"
        + @"|\bnot to be (?:called|contacted|rung|phoned)\b"
        + @"|\b(?:this|my) number (?:should not|must not|is not to|should never) be (?:on|in|called|used|contacted|dialled|dialed)\b"
        + @"|\b(?:should not|must not|can not|will not) (?:be )?(?:call|ring|phone|contact|dial)\w* (?:me|us|this number|here) (?:again|anymore|any more|ever)\b"
        + @"|\bdo not (?:want|wish) to be (?:on|in) (?:your|the|any) (?:\w+ ){0,2}(?:list|database|system)\b")]
    private static partial Regex NeverAgain();

    // "no more calls", "no further contact", "no phone calls, ever"; not "no, call back in ten minutes" or "no, call me
    // tomorrow", a call asked for after a "no".
    [GeneratedRegex(@"\bno (?!(?:call|ring|phone) (?:me|us|back|later|tomorrow|tonight|today|this|next|on|at|in|after|around|about)\b)(?:more|further|other|additional)? ?(?:of )?(?:these |the |your )?(?:" + Calls + @"|contact|calling|ringing)\b(?! (?:about|regarding|for) (?:the|this|that) (?:\w+ )?(?:appointment|inspection|visit|outage))(?=(?: \w+){0,4}(?:\W*$| please| thanks| thank| thank you| from you| for me| ever| again| at all| whatsoever))")]
    private static partial Regex NoMoreCalls();

    // "I revoke my consent", "I withdraw consent to be called", "I do not consent to these calls".
    [GeneratedRegex(@"\b(?:revok\w*|withdraw\w*|withdrew|cancel\w*|rescind\w*|retract\w*|take back|taking back|pull\w*) (?:my |all |any |our )?(?:\w+ ){0,2}(?:consent|permission|authori[sz]ation)\b|\b(?:do not|never|no longer) (?:consent|agree|agreed|gave (?:my )?(?:consent|permission)) to (?:these|this|any|your|being|be|receiving|the) (?:\w+ )?(?:calls?|called|contacted|calling)\b")]
    private static partial Regex Consent();

    [GeneratedRegex(@"\bunsubscrib\w*\b|\bopt(?:ing|ed)? (?:me |us |myself |this number )?out\b|\boptout\b|\bopt me off\b")]
    private static partial Regex Unsubscribe();

    [GeneratedRegex(@"\b(?:unsubscrib\w*|opt(?:ed|ing)? out)\b(?: \w+){0,2}? (?:of|from) (?:the |my |your |our )?(?:\w+ )?(?:paper|email|emails|e mail|newsletter|paperless|statement|statements|magazine|mailing|post|letters|bill|billing|rewards|loyalty|promotional emails)\b|\b(?:paper|paperless|email) (?:bill|billing|statement)s?\b.*\bunsubscri|\bhow (?:do|can) i (?:unsubscribe|opt out) (?:of|from) (?:the )?(?:paper|email)")]
    private static partial Regex UnsubscribeFromSomethingElse();

    // "do not call me", "please don't ring us", "I'd appreciate it if you didn't call me again", "I'd rather you guys didn't call".
    [GeneratedRegex(@"\b(?:do not|never|please do not|you should not|you must not|you can not|would you not|can you not|could you not|i do not want|if you (?:did not|would not|do not|could not|will not|never)|that you (?:did not|do not|never|not)|(?:rather|prefer|sooner)(?: if)? (?:you|u)(?: \w+){0,2}? (?:did not|would not|do not|not)|do not you|(?:you|u|please) not|(?:possible|able|okay|ok|fine|prefer|rather|like|want|ask|asking|request|requesting|kindly|could|would|can)(?: (?:you|u|you guys|you people|you lot|your (?:company|team|people)))? not to)\b(?: (?:ever|you|ya|even|again|please|kindly|dare|bother|try|want|need|to|anyone|anybody|people|guys|lot|folks|be|go|keep|no|one|body|from|your|company|further)){0,4} " + Contact + @"(?: to)?\b")]
    private static partial Regex NegatedContact();

    // The rest of a negated request must be about them: "me", "this number", "again", or nothing at all.
    [GeneratedRegex(@"^\W*(?:(?:me|us|myself|this (?:\w+ )?(?:number|line|phone|house|household)|here|my (?:\w+(?:'s)? )?(?:number|phone|mobile|cell|line|landline|house|home)|anyone|anybody|again|anymore|any more|ever|back|no more|please|kindly|further|henceforth|hereafter|in future|from now|from today|going forward|on this number|on my number|at all|period|thanks|thank you|sir|madam|mate)\b|\W*$)")]
    private static partial Regex AddressedToThem();

    // What limits a negated request to a time, a line or a name: "before 5", "at work", "on weekends", "Mrs Smith".
    [GeneratedRegex(@"^\W*(?:(?:me|us|back|this number|my \w+)\s+)?(?:before|after|until|till|til|at (?:work|the office|lunch|night|dinner|\d)|during|in the (?:morning|evening|afternoon)|on (?:weekends?|sundays?|saturdays?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|my (?:work|office|landline|mobile|cell))|today|tonight|this (?:week|morning|afternoon|evening|weekend)|tomorrow|right now|now|early|late|so early|so late|between|on (?:the )?(?:work|office)|on this number,? (?:call|ring|try)|here,? (?:call|ring|try)|while|when|if|unless|about|regarding|for (?:a|the)|with (?:that|this|the)|yet|for now|for (?:a|the) (?:few|couple|next)|next week|the next|mr|mrs|ms|miss|dr|by(?! (?:phone|telephone|the phone|mobile|cell|landline|voice|robot|machine|computer|any means)\b)|darling|love|honey|sweetheart|that|names|first thing|on (?:the )?(?:landline|house phone|home phone))\b")]
    private static partial Regex Limited();

    [GeneratedRegex(@"\b(?:again|anymore|any more|ever|no more|at all|whatsoever|evermore|for good|from now on|in future|in the future|period|full stop|never|no longer|further|henceforth|hereafter|going forward|from today)\b")]
    private static partial Regex Forever();

    // The negated request is the whole command: "Don't call me." "Do not ring us, please."
    [GeneratedRegex(@"^\W*(?:(?:me|us|this number|here|this line|back)\W*)?(?:please|thanks|thank you|ok|okay|alright|understood|got it|goodbye|bye|mate|sir|madam|man|lady|buddy|pal)?\W*$")]
    private static partial Regex EndsCommand();

    // Annoyance that may mean "stop": "why do you keep calling?", "this is the fourth time you've rung", "I'm sick of these calls".
    [GeneratedRegex(@"\b(?:you|they|you people|you guys|you lot|people|someone|somebody|y'all|ya'll) (?:\w+ )?(?:keep|keeps|always|constantly) (?:\w+ )?" + Contact + @"\b"
        + @"|\bkeep (?:happening|getting these|getting calls|getting your|on calling)\b|\b(?<!please |do |just )\w+ keeps? (?:on )?(?:call|ring|phon|contact)\w*"
        + @"|\b(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)?|umpteenth|nth) call\b|\bever give up\b|\b(?:call|ring|phon|rang|you)\w*\b(?: \w+){0,5} every single (?:day|week|time)\b|\bevery single (?:day|week|time)\b(?: \w+){0,5} (?:call|ring|phon|rang|you)\w*|\bmake (?:this|these|it|them) stop\b"
        + @"|\bstop getting (?:these|this|them|calls)\b|\bnot (?:get|receive) (?:these|this|them|calls)\b|\banother (?:one of these|call from you)\b|\broz roz\b|\bdoing my head in\b"
        + @"|\b(?:rather|prefer) not (?:to )?(?:deal|bother|do this|talk|speak|have this)\b|\bit is you (?:lot|people|guys|again)\b|\byou lot\b|\balready told\b"
        + @"|\bhow often you (?:call|ring|phone)|\b(?:call|ring|phone)\w* (?:me )?(?:less|more than)\b|\bless often\b|\b(?:some )?other way\b|\bpoint of (?:calling|ringing)\b|\bbetter to do than\b"
        + @"|\b(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)?|umpteenth|hundredth|millionth|nth) (?:time|call)\b.*\b(?:call|rung|rang|phone|ring)"
        + @"|\b(?:sick|tired|fed up|weary) (?:of|with) (?:\w+ ){0,2}(?:calls?|calling|ringing|you|this)\b"
        + @"|\b(?:these|your|all the|all these|so many|too many|the constant|the endless|every single day with) (?:\w+ )?calls\b"
        + @"|\b(?:call\w*|ring\w*|phon\w*)\b(?: \w+){0,3} (?:so often|this often|that often|so much|all the time|constantly|every day|again and again|over and over)\b"
        + @"|\b(?:calls?|calling|ringing)\b(?: \w+){0,4} stop\b|\b(?:fewer|less) (?:of )?(?:these |the |your )?calls\b"
        + @"|\bleave (?:me|us) (?:alone|be|in peace) (?:for now|for the moment|for a bit|for a while|for today|today|right now|at the moment)\b|\bhow many times\b|\bdo not bother\b|\bnever give up\b|\btake no for an answer\b|\balready (?:said|told you) no\b"
        + @"|\b(?:rather|prefer) (?:you )?(?:did not|not)\b(?=\W*$|(?: \w+){0,3} (?:call|calls|ring|phone|contact|hear|bother|talk|speak))"
        + @"|\bthis is (?:harass|getting ridiculous|beyond a joke)|\b(?:you are|you) (?:harassing|stalking|spamming)\b"
        + @"|\bwho gave you (?:my|this) number\b|\bhow did you (?:\w+ )?get (?:my|this) number\b|\b(?:why am i|am i) (?:even |still )?on (?:your|the|this|a) (?:\w+ )?list\b"
        + @"|\b(?:not|do not) (?:want|like) (?:being|to be) (?:called|contacted|bothered)\b|\bi (?:do not|really do not) (?:like|appreciate|enjoy) (?:getting |receiving )?(?:these|your|the|being) (?:\w+ )?(?:calls|called|cold)"
        + @"|\b(?:do not|never) (?:like|want|enjoy) (?:talking|speaking) to (?:a |these )?(?:robots?|machines?|computers?|bots?)\b"
        + @"|\b(?:did not|never) (?:sign(?:ed)? up|ask(?:ed)?|agree(?:d)?|consent(?:ed)?) (?:for|to) (?:this|these|that|any)\b"
        + @"|\b(?:never|do not) have time for (?:this|these|you)\b|\b(?:so |completely |totally |just )?done with (?:this|these|you|it)\b"
        + @"|\bnot interested\b.*\b(?:last time|every time|before|either|already told)\b"
        + @"|\b(?:do not|stop) (?:bother|bothering|pestering)\b|\bnot again\b|\b(?:you|company|lot|people|guys|folks|firm) again\b|\bgo away\b|\bget lost\b|\bpiss off\b|\bbugger off\b|\bf\w* off\b|\bsod off\b|\bbuzz off\b|\bhow do i (?:stop|make) (?:these|this|the|you)\b")]
    private static partial Regex Annoyed();

    [GeneratedRegex(@"^\W*(?:please |just |ok |okay )?(?:stop|enough|no more|quit it|stop it|stop now|stop please|please stop|just stop|(?:that is |that's |thats |it is |it's |its )?enough(?: now| already| of this)?)\W*$")]
    private static partial Regex BareStop();

    [GeneratedRegex(@"\b(?:stop\w*|quit|ceas\w*|end|ending|remov\w*|delet\w*|eras\w*|off|unsubscrib\w*|opt\w*|never|no more|no longer|not want|not wish|enough|block\w*|blacklist\w*|ban|bann\w*|bar|barred|consent|registry|register\w*|harass\w*|bother\w*|pester\w*|sue|lawyer|attorney|solicitor|report\w*|complain\w*|ombudsman|regulator|fcc|ftc|ofcom|ico|trai|gdpr|privacy|data protection|finished|done|cancel\w*|exclud\w*|rid|lose|forget|nuisance|unwanted|unsolicited)\b")]
    private static partial Regex Cessation();

    [GeneratedRegex(@"\b(?:call|calls|calling|called|caller|ring|ringing|rings|rang|rung|phone|phones|phoning|phoned|contact\w*|number|list|dial\w*|robo ?calls?|telemarket\w*|spam\w*|cold call\w*|this line|hear from)\b")]
    private static partial Regex CallingWord();

    // Any word of calling, contact, lists, ending, refusing or annoyance, spelt as a speech recogniser may spell it.
    [GeneratedRegex(@"\b(?:c[aeo]l+\w*|cal|kall\w*|ring\w*|rang|rung|phon\w*|fone\w*|telephon\w*|contact\w*|dial\w*|numb\w*|numbr|no|list\w*|database|system|records?|regist\w*|details|data|file|books|hear|reach\w*|touch|answer\w*|pick up|bother\w*|pester\w*|harass\w*|hassl\w*|disturb\w*|troubl\w*|mither\w*|bug\w*|hound\w*|spam\w*|scam\w*|robo\w*|bots?|computer|machine|telemarket\w*|stop(?!s\b|ped\b)\w*|quit|ceas\w*|halt|end\w*|enough|never|again|agian|agin|agan|a gain|anymore|more|further|longer|remov\w*|remuv\w*|delet\w*|eras\w*|wipe|scrub\w*|scrap|lose|forget|bin|ditch|dump|junk|purge|strike|cross|drop|off|of|out|unsubscrib\w*|opt\w*|unlist\w*|delist\w*|deregist\w*|unenrol\w*|exclud\w*|alone|leave|be|peace|consent|permission|authori[sz]\w*|block\w*|blacklist\w*|ban|bann\w*|object\w*|refrain|desist|withdraw\w*|revok\w*|sue|lawyer|attorney|solicitor|report\w*|complain\w*|ombudsman|regulator|police|fcc|ftc|ofcom|ico|trai|gdpr|tps|dnc|dnd|ndnc|privacy|done|finished|over|sick|fed|tired|annoy\w*|nuisance|pain|intrusive|unwanted|unsolicited|relentless|persistent|keep\w*|every|times?|why|how|who|where|hint|told|already|away|lost|hate|stand|patience|ugh|seriously|god|goodness|bloody|unbelievable|people|lot|guys|y'all|ya'll|interested|want\w*|rather|prefer|need\w*|not|ridiculous|joke|rest|sign\w*|head|way|these|them)\b")]
    private static partial Regex CandidateWord();

    // The customer takes back a "stop" said to someone else: "sorry, carry on".
    [GeneratedRegex(@"\b(?:carry on|go on|continue|go ahead|sorry about that|as you were|where were we)\b")]
    private static partial Regex CarryOn();
}
