using Campaign.Grains.Customers.Import;
using Campaign.Host.Demo;

namespace Campaign.UnitTests;

public class DemoCustomersTests
{
    [Fact]
    public void Every_demo_customer_is_valid_and_some_are_inside_their_calling_hours_at_any_hour()
    {
        var now = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
        var rows = DemoCustomers.Generate(300, now);
        var validator = new CustomerValidator(new PhoneNormalizer("US"));
        var profiles = rows.Select(r => validator.TryValidate(r.Input!, out var p, out var error) ? p! : throw new Xunit.Sdk.XunitException(error)).ToList();

        var zones = profiles.Select(p => TimeZoneInfo.FindSystemTimeZoneById(p.TimeZone!)).DistinctBy(z => z.Id).ToList();
        for (var hour = 0; hour < 24; hour++)
        {
            var instant = now.AddHours(hour);
            Assert.Contains(zones, z => TimeZoneInfo.ConvertTime(instant, z).Hour is >= 8 and < 21);
        }
    }
}
