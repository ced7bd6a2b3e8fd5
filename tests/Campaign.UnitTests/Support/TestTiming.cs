using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Insights;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Campaigns;
using Campaign.Grains.Compliance;
using Campaign.Tests.Support;
using Microsoft.Extensions.Options;

namespace Campaign.UnitTests.Support;

/// <summary>Learned timing over customers with no history of their own, who follow their group's pattern.</summary>
public sealed class TestTiming
{
    /// <summary>A Monday, 10:20 in New York: people who answer in the evening are likely out.</summary>
    public static readonly DateTimeOffset MondayMorningInNewYork = new(2026, 3, 2, 10, 20, 0, TimeSpan.FromHours(-5));

    /// <summary>That Monday, 17:00 in New York, when the evening people's good hours start.</summary>
    public static readonly DateTimeOffset MondayEveningInNewYork = new(2026, 3, 2, 17, 0, 0, TimeSpan.FromHours(-5));

    private TestTiming(bool failing, AnswerPropensity prior)
    {
        var compliance = Options.Create(new ComplianceOptions());
        var customers = Stub<ICustomerDirectory>.Of((method, args) =>
        {
            if (failing)
            {
                throw new InvalidOperationException("the directory is down");
            }

            Reads++;
            return method.Name switch
            {
                nameof(ICustomerDirectory.GetAsync) => Task.FromResult<CustomerProfile?>(TestCustomers.Profile((string)args[0]!)),
                nameof(ICustomerDirectory.GetContactHistoryAsync) => Task.FromResult<IReadOnlyList<ContactAttempt>>([]),
                _ => throw new NotSupportedException(method.Name),
            };
        });
        var priors = Stub<IAnswerTimingPriors>.Of((_, _) => Task.FromResult(prior));
        Timing = new CampaignTiming(customers, priors, new CallingHours(compliance), new CustomerLocator(compliance));
    }

    public CampaignTiming Timing { get; }

    /// <summary>How many reads the customer directory answered.</summary>
    public int Reads { get; private set; }

    /// <summary>Everyone answers 80% of calls from 17:00 to 21:00 local time and 10% at other hours.</summary>
    public static TestTiming EveningPeople() => new(false, Prior(hour => hour is >= 17 and < 21 ? 0.8 : 0.1));

    /// <summary>Everyone answers as often at every hour: no hour is better than now.</summary>
    public static TestTiming AnyHour() => new(false, Prior(_ => 0.4));

    /// <summary>A customer directory that is down.</summary>
    public static TestTiming Failing() => new(true, Prior(_ => 0.4));

    private static AnswerPropensity Prior(Func<int, double> rateAt)
    {
        var grid = new TimingGrid();
        var monday = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        for (var d = 0; d < 7; d++)
        {
            for (var h = 0; h < 24; h++)
            {
                for (var i = 0; i < 50; i++)
                {
                    var at = monday.AddDays(d).AddHours(h);
                    var answered = i < rateAt(h) * 50;
                    grid.Add(new InsightCall("c", null, at, answered ? CallResult.Answered : CallResult.NoAnswer, null, null, false, h, at.DayOfWeek));
                }
            }
        }

        return AnswerPropensity.Prior(grid, null);
    }
}
