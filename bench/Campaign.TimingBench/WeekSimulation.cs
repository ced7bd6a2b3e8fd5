using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Insights;
using Campaign.Grains.Campaigns;
using Campaign.Telephony.Simulator;

namespace Campaign.TimingBench;

/// <summary>The settings both timings run under: the same audience, lines, calling hours and attempt budget.</summary>
public sealed record WeekSettings(int Customers, int DialsPerHour, int Days, int MaxAttempts, int Seed, int WindowFrom, int WindowTo);

/// <summary>What a simulated week gave.</summary>
public sealed record WeekResult(string Timing, int Dials, int Answered, int Reached, int Held, TimeSpan Elapsed)
{
    public double AnswersPerDial => Dials == 0 ? 0 : (double)Answered / Dials;
}

/// <summary>
/// A week of one campaign's dialling over virtual customers with hidden daily routines, in steps of a quarter hour:
/// each step dials at most its share of the lines' hourly capacity among due customers whose calling hours are open.
/// Asap dials in due order and retries after the default policy's delays; learned applies <see cref="LearnedTiming"/>
/// to the <see cref="AnswerPropensity"/> estimated, as the product does, from the calls placed so far (everyone's,
/// the customer's area's, the customer's own). The same customer and attempt number draw the same random numbers under
/// both timings, so the difference is the timing's.
/// </summary>
public sealed class WeekSimulation(WeekSettings settings)
{
    private static readonly string[] Zones = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"];
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    /// <summary>A Monday, 09:00 in New York.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    /// <param name="bookHours">
    /// As the dialler books holds (<see cref="LinePace"/>): no hour is held more customers than the lines call in this
    /// many hours; null holds without a book.
    /// </param>
    public WeekResult Run(bool learned, TimeSpan maxHold, double? bookHours = null)
    {
        var book = new HoldBook();
        int? heldPerHour = bookHours is { } hours ? new LinePace(settings.DialsPerHour, hours).HeldPerHour(1) : null;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var people = Audience();
        var everyone = new TimingGrid();
        var areas = people.Select(p => p.Area).Distinct().ToDictionary(a => a, _ => new TimingGrid());
        var priors = new Dictionary<string, AnswerPropensity>();
        var priorsAt = DateTimeOffset.MinValue;
        int dials = 0, answered = 0, held = 0;
        var capacity = 0.0;
        var end = Start.AddDays(settings.Days);
        for (var now = Start; now < end; now += Step)
        {
            if (learned && now - priorsAt >= TimeSpan.FromHours(1))
            {
                // The product reads the priors from the call store every few minutes; hourly here.
                priors = areas.ToDictionary(a => a.Key, a => AnswerPropensity.Prior(everyone, a.Value));
                priorsAt = now;
            }

            capacity += settings.DialsPerHour * Step.TotalHours;
            var due = people.Where(p => !p.Done && p.DueAt <= now && IsOpen(p.Zone, now)).ToList();
            IEnumerable<Person> order;
            if (learned)
            {
                var callNow = new List<(Person Person, double Priority)>();
                book.Forget(now);
                foreach (var person in due)
                {
                    var advice = LearnedTiming.Advise(person.Propensity(priors[person.Area]), person.Zone, now, maxHold, at => IsOpen(person.Zone, at));
                    if (!advice.CallNow && heldPerHour is { } limit)
                    {
                        // The customers are not ranked by their gain from waiting before booking, as the dialler does.
                        advice = LearnedTiming.Advise(person.Propensity(priors[person.Area]), person.Zone, now, maxHold, at => IsOpen(person.Zone, at), at => book.HasRoom(at, limit));
                        if (advice.HoldUntil is { } until)
                        {
                            book.Book(until);
                        }
                    }

                    if (advice.CallNow)
                    {
                        callNow.Add((person, advice.Priority));
                    }
                    else
                    {
                        person.DueAt = advice.HoldUntil!.Value;
                        held++;
                    }
                }

                order = callNow.OrderByDescending(c => c.Priority).ThenBy(c => c.Person.DueAt).ThenBy(c => c.Person.Index).Select(c => c.Person);
            }
            else
            {
                order = due.OrderBy(p => p.DueAt).ThenBy(p => p.Index);
            }

            foreach (var person in order.Take((int)capacity).ToList())
            {
                capacity -= 1;
                dials++;
                var local = TimeZoneInfo.ConvertTime(now, person.Zone);
                var random = new Random(Campaign.Telephony.Simulator.StableHash.Of(settings.Seed, $"{person.Id}:{person.Attempts}"));
                var pickup = person.Virtual.Pickup(local, random);
                person.Record(AnswerPropensity.DayIndex(local.DayOfWeek), local.Hour, pickup == SimulatedPickup.Human);
                var call = new InsightCall(person.Id, null, now, pickup == SimulatedPickup.Human ? CallResult.Answered : CallResult.NoAnswer, null, null, false, local.Hour, local.DayOfWeek);
                everyone.Add(call);
                areas[person.Area].Add(call);
                if (pickup == SimulatedPickup.Human)
                {
                    answered++;
                    person.Done = true;
                    continue;
                }

                if (person.Attempts >= settings.MaxAttempts)
                {
                    person.Done = true;
                    continue;
                }

                var earliest = now + Delay(pickup);
                person.DueAt = learned && priors.TryGetValue(person.Area, out var prior)
                    ? LearnedTiming.NextGoodHour(person.Propensity(prior), person.Zone, earliest, maxHold, at => IsOpen(person.Zone, at))
                    : earliest;
            }

            capacity = Math.Min(capacity, 1); // lines left idle in a step are not saved up
        }

        var name = !learned ? "asap" : $"learned, hold {maxHold.TotalHours:0}h" + (bookHours is { } h ? $", book {h:0.#}h" : "");
        return new WeekResult(name, dials, answered, people.Count(p => p.Reached), held, started.Elapsed);
    }

    /// <summary>The product's default retry policy's delays.</summary>
    private static TimeSpan Delay(SimulatedPickup pickup) => pickup switch
    {
        SimulatedPickup.Busy => TimeSpan.FromMinutes(15),
        SimulatedPickup.Failed => TimeSpan.FromMinutes(30),
        SimulatedPickup.Voicemail => TimeSpan.FromHours(4),
        _ => TimeSpan.FromHours(2),
    };

    private bool IsOpen(TimeZoneInfo zone, DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, zone).Hour is var hour && hour >= settings.WindowFrom && hour < settings.WindowTo;

    private List<Person> Audience()
    {
        var people = new List<Person>(settings.Customers);
        for (var i = 0; i < settings.Customers; i++)
        {
            var zone = Zones[i % Zones.Length];
            var area = $"area-{i % 12}";
            var profile = new CustomerProfile($"c{i:D6}", $"Customer {i}", $"+1555{i:D7}", area, null, zone, null, [], new Dictionary<string, string>(), []);
            people.Add(new Person(i, profile.Id, area, TimeZoneInfo.FindSystemTimeZoneById(zone), VirtualCustomer.For(profile, settings.Seed, Start)) { DueAt = Start });
        }

        return people;
    }

    private sealed class Person(int index, string id, string area, TimeZoneInfo zone, VirtualCustomer person)
    {
        private readonly List<(int Day, int Hour, bool Answered)> _attempts = [];
        private (AnswerPropensity Prior, AnswerPropensity Estimate)? _estimate;

        public int Index => index;

        public string Id => id;

        public string Area => area;

        public TimeZoneInfo Zone => zone;

        public VirtualCustomer Virtual => person;

        public DateTimeOffset DueAt { get; set; }

        public bool Done { get; set; }

        public int Attempts => _attempts.Count;

        public bool Reached => _attempts.Any(a => a.Answered);

        public void Record(int day, int hour, bool answered)
        {
            _attempts.Add((day, hour, answered));
            _estimate = null;
        }

        /// <summary>Their estimate, kept until their history or the prior changes.</summary>
        public AnswerPropensity Propensity(AnswerPropensity prior)
        {
            if (_estimate is not { } cached || !ReferenceEquals(cached.Prior, prior))
            {
                cached = (prior, AnswerPropensity.ForCustomer(_attempts, prior));
                _estimate = cached;
            }

            return cached.Estimate;
        }
    }
}
