using Campaign.Abstractions.Customers;

namespace Campaign.Telephony.Simulator;

/// <summary>What a simulated call ends up as before anyone speaks.</summary>
public enum SimulatedPickup
{
    Human,
    NoAnswer,
    Busy,
    Voicemail,
    Failed,
}

/// <summary>
/// A simulated person behind a customer record: how likely they pick up at each local weekday and hour (their hidden
/// <see cref="DailyRoutine"/>), and what they say, derived from their profile and issues. The same seed and customer
/// always give the same person.
/// </summary>
public sealed record VirtualCustomer(double AnswerRate, double BusyRate, double VoicemailShare, Interest Disposition, bool WantsCallback, bool OptsOut, string? Concern)
{
    /// <summary>When this person is at home to answer.</summary>
    public DailyRoutine Routine { get; init; } = DailyRoutine.Mixed;

    /// <summary>How the wording of the agent's opening moves this person.</summary>
    public WordingTaste Taste { get; init; } = new(0, 0);

    /// <summary>This person asks to speak to a person after the opening.</summary>
    public bool WantsPerson { get; init; }

    /// <summary>What this person says while the line stays open after the agent's goodbye.</summary>
    public LastWordsHabit LastWords { get; init; }

    public const string PersonRequest = "Can I speak to a real person, please?";

    public const double DefaultCallbackShare = 0.12;

    public static VirtualCustomer For(CustomerProfile customer, int seed, DateTimeOffset now, double callbackShare = DefaultCallbackShare, double personShare = 0)
    {
        var random = new Random(StableHash.Of(seed, customer.Id));
        var latest = customer.Issues.LastOrDefault();
        var recentIssue = latest?.ReportedAt is { } at && now - at < TimeSpan.FromDays(90);
        var roll = random.NextDouble();
        var disposition = recentIssue
            ? roll < 0.45 ? Interest.Interested : roll < 0.8 ? Interest.Neutral : Interest.NotInterested
            : roll < 0.2 ? Interest.Interested : roll < 0.6 ? Interest.Neutral : Interest.NotInterested;
        var concern = latest is null ? null : string.IsNullOrWhiteSpace(latest.Text) ? $"the {latest.Category} problems" : latest.Text;
        var person = new VirtualCustomer(
            AnswerRate: 0.45 + (random.NextDouble() * 0.45),
            BusyRate: 0.04 + (random.NextDouble() * 0.06),
            VoicemailShare: 0.3 + (random.NextDouble() * 0.3),
            disposition,
            WantsCallback: random.NextDouble() < callbackShare,
            OptsOut: random.NextDouble() < 0.05,
            concern)
        {
            // Drawn apart from the rest, so a person's other traits do not depend on it.
            Routine = DailyRoutines.Draw(new Random(StableHash.Of(seed, customer.Id + ":routine")).NextDouble()),
            Taste = WordingTaste.Draw(new Random(StableHash.Of(seed, customer.Id + ":taste"))),
            WantsPerson = personShare > 0 && new Random(StableHash.Of(seed, customer.Id + ":person")).NextDouble() < personShare,
        };
        return person with
        {
            LastWords = LastWordsHabits.Draw(
                new Random(StableHash.Of(seed, customer.Id + ":lastwords")),
                notInterested: disposition == Interest.NotInterested && !person.WantsCallback,
                person.OptsOut),
        };
    }

    /// <summary>
    /// This person once they have heard the agent's opening line. Someone it won over no longer asks, after the goodbye,
    /// not to be called again: they say a courtesy instead.
    /// </summary>
    public VirtualCustomer Hearing(string? opening, int seed, string customerId)
    {
        var disposition = Taste.React(Disposition, opening, Concern, new Random(StableHash.Of(seed, $"{customerId}:heard:{opening}")));
        var askedLate = LastWords is LastWordsHabit.AskNotToCall or LastWordsHabit.GrumbleAboutCalls;
        return this with
        {
            Disposition = disposition,
            LastWords = askedLate && disposition != Interest.NotInterested ? LastWordsHabit.Courtesy : LastWords,
        };
    }

    /// <summary>The chance that this person answers at a local time (before busy lines and failures).</summary>
    public double AnswerChance(DateTimeOffset localTime) =>
        AnswerRate * DailyRoutines.Availability(Routine, localTime.DayOfWeek, localTime.Hour);

    public SimulatedPickup Pickup(DateTimeOffset localTime, Random random)
    {
        var roll = random.NextDouble();
        if (roll < 0.02)
        {
            return SimulatedPickup.Failed;
        }

        if (roll < 0.02 + BusyRate)
        {
            return SimulatedPickup.Busy;
        }

        if (random.NextDouble() < AnswerChance(localTime))
        {
            return SimulatedPickup.Human;
        }

        return random.NextDouble() < VoicemailShare ? SimulatedPickup.Voicemail : SimulatedPickup.NoAnswer;
    }

    /// <summary>The customer's answer to the agent's <paramref name="turn"/>-th line; null is silence.</summary>
    public string? Reply(int turn, Random random)
    {
        if (random.NextDouble() < 0.04)
        {
            return null;
        }

        if (OptsOut)
        {
            return "Please stop calling me. Take me off your list.";
        }

        if (WantsCallback)
        {
            // The agent reads the time back: the second line agrees to it.
            return turn == 0 ? "I'm busy right now. Can you call me back tomorrow at 5 pm?" : "Yes, that's fine, thanks.";
        }

        if (WantsPerson && turn == 0)
        {
            return PersonRequest;
        }

        return turn switch
        {
            0 => Disposition switch
            {
                Interest.Interested => "Yes, sure, tell me more.",
                Interest.Neutral => "Maybe, I'm not sure yet.",
                _ => "No thanks, I'm not interested.",
            },
            1 => Concern is null ? "No, nothing really." : $"I'm worried about {Concern}.",
            2 => Disposition == Interest.Interested || random.NextDouble() < 0.3 ? "Yes please, send me more information." : "No, that's fine.",
            _ => "Okay, goodbye.",
        };
    }
}
