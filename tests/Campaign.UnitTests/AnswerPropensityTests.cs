using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Insights;

namespace Campaign.UnitTests;

public class AnswerPropensityTests
{
    private static readonly DateTimeOffset Week = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero); // a Monday

    private static InsightCall Call(int day, int hour, bool answered) =>
        new("c", null, Week.AddDays(day).AddHours(hour), answered ? CallResult.Answered : CallResult.NoAnswer, null, null, false, hour, Week.AddDays(day).DayOfWeek);

    /// <summary>Everyone answers 40% of the time at every hour of the week, from 20 calls per cell.</summary>
    private static TimingGrid Flat(double rate = 0.4, int callsPerCell = 20)
    {
        var grid = new TimingGrid();
        for (var d = 0; d < 7; d++)
        {
            for (var h = 0; h < 24; h++)
            {
                for (var i = 0; i < callsPerCell; i++)
                {
                    grid.Add(Call(d, h, i < rate * callsPerCell));
                }
            }
        }

        return grid;
    }

    [Fact]
    public void A_customer_never_called_gets_their_groups_pattern()
    {
        var prior = AnswerPropensity.Prior(Flat(), null);

        var customer = AnswerPropensity.ForCustomer([], prior);

        Assert.Equal(prior.At(1, 10), customer.At(1, 10), 6);
        Assert.Equal(0.4, customer.At(6, 20), 2);
    }

    [Fact]
    public void One_missed_call_lowers_that_hour_a_little_and_leaves_the_weekend_alone()
    {
        var prior = AnswerPropensity.Prior(Flat(), null);

        var customer = AnswerPropensity.ForCustomer([(1, 10, false)], prior);

        Assert.InRange(customer.At(1, 10), 0.1, 0.39);      // moved, not to zero
        Assert.True(customer.At(1, 9) < prior.At(1, 9));   // the neighbouring hour a little
        Assert.Equal(prior.At(5, 10), customer.At(5, 10), 6); // Saturday untouched
    }

    [Fact]
    public void Many_attempts_converge_on_the_customers_own_pattern_and_their_best_times_are_when_they_are_home()
    {
        var prior = AnswerPropensity.Prior(Flat(), null);
        var attempts = new List<(int, int, bool)>();
        for (var week = 0; week < 4; week++)
        {
            for (var day = 0; day < 5; day++)
            {
                attempts.Add((day, 10, false));  // out at work
                attempts.Add((day, 14, false));
                attempts.Add((day, 19, true));   // home in the evening
            }
        }

        var customer = AnswerPropensity.ForCustomer(attempts, prior);

        Assert.True(customer.At(2, 10) < 0.1, $"Wednesday 10:00 is {customer.At(2, 10):0.00}");
        Assert.True(customer.At(2, 19) > 0.8, $"Wednesday 19:00 is {customer.At(2, 19):0.00}");
        Assert.All(customer.Best(3), best => Assert.InRange(best.Hour, 18, 20));
    }

    [Fact]
    public void A_group_with_many_calls_pulls_the_prior_toward_its_own_rate_and_an_empty_group_changes_nothing()
    {
        var everyone = Flat(0.4);

        Assert.Equal(AnswerPropensity.Prior(everyone, null).At(3, 12), AnswerPropensity.Prior(everyone, new TimingGrid()).At(3, 12), 6);
        Assert.InRange(AnswerPropensity.Prior(everyone, Flat(0.8, 100)).At(3, 12), 0.75, 0.8);
    }

    [Fact]
    public void Cells_nobody_was_called_in_fall_back_to_the_overall_rate()
    {
        var grid = new TimingGrid();
        for (var i = 0; i < 100; i++)
        {
            grid.Add(Call(0, 12, i < 30));
        }

        var prior = AnswerPropensity.Prior(grid, null);

        Assert.InRange(prior.At(4, 3), 0.29, 0.32);
    }

    [Fact]
    public void Best_times_only_come_from_the_cells_allowed()
    {
        var prior = AnswerPropensity.Prior(Flat(), null);
        var customer = AnswerPropensity.ForCustomer([(0, 22, true), (1, 22, true), (2, 22, true), (0, 13, true)], prior);

        var lawful = customer.Best(3, (day, hour) => hour is >= 8 and < 21);

        Assert.NotEmpty(lawful);
        Assert.All(lawful, best => Assert.InRange(best.Hour, 8, 20));
        Assert.Equal(22, customer.Best(1)[0].Hour);
    }
}
