using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Abstractions.Customers;
using Campaign.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Tests.Http;

/// <summary><c>GET /api/customers/{id}</c> carries the customer's best times to call, learned from their own calls, in their local time.</summary>
[Collection(InProcessHostCollection.Name)]
public class CustomerBestTimesHttpTests(InProcessHost host)
{
    [Fact]
    public async Task A_customer_out_at_work_and_home_in_the_evening_is_best_called_in_the_evening_their_time()
    {
        var id = "best-" + Guid.NewGuid().ToString("N")[..8];
        var phone = TestCustomers.Phone(7_100_000 + (Random.Shared.Next(0, 40_000) * 2));
        var csv = $"id,name,phone,area,timeZone\n{id},Robin Evening,{phone},{id}-area,America/Chicago\n";
        (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv))).EnsureSuccessStatusCode();

        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var customer = grains.GetGrain<ICustomerGrain>(id);
        var monday = new DateTime(2031, 3, 3);
        for (var day = 0; day < 10; day++)
        {
            var date = monday.AddDays(day + (day >= 5 ? 2 : 0)); // two working weeks
            foreach (var (hour, result) in new[] { (10, CallResult.NoAnswer), (15, CallResult.NoAnswer), (19, CallResult.Answered) })
            {
                var local = date.AddHours(hour);
                var at = new DateTimeOffset(local, chicago.GetUtcOffset(local));
                await customer.RecordContactAsync(new ContactAttempt("best-times", $"{id}-{day}-{hour}", at, result, null, null));
            }
        }

        var body = await host.Client.GetFromJsonAsync<JsonElement>($"/api/customers/{id}");

        var best = body.GetProperty("bestTimes").EnumerateArray().ToArray();
        Assert.Equal(3, best.Length);
        Assert.All(best, b =>
        {
            Assert.Equal(19, b.GetProperty("hour").GetInt32());
            Assert.Contains(b.GetProperty("weekday").GetString(), new[] { "monday", "tuesday", "wednesday", "thursday", "friday" });
            Assert.InRange(b.GetProperty("answerProbability").GetDouble(), 0.7, 1.0);
        });
    }

    [Fact]
    public async Task A_customer_never_called_still_gets_best_times_from_everyones_calls()
    {
        var id = "best-new-" + Guid.NewGuid().ToString("N")[..8];
        var phone = TestCustomers.Phone(7_200_000 + (Random.Shared.Next(0, 40_000) * 2));
        (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv($"id,name,phone,timeZone\n{id},Nova New,{phone},Europe/London\n"))).EnsureSuccessStatusCode();

        var body = await host.Client.GetFromJsonAsync<JsonElement>($"/api/customers/{id}");

        var best = body.GetProperty("bestTimes").EnumerateArray().ToArray();
        Assert.Equal(3, best.Length);
        Assert.All(best, b => Assert.InRange(b.GetProperty("answerProbability").GetDouble(), 0.0, 1.0));
    }
}
