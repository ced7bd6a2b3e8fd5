using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Http;

/// <summary>Finding people through the API: customers and the do-not-call list by name, phone digits, id, source or reason.</summary>
[Collection(InProcessHostCollection.Name)]
public class SearchHttpTests(InProcessHost host)
{
    [Fact]
    public async Task Customers_are_found_by_name_phone_digits_or_id_and_other_filters_narrow_the_search()
    {
        var tag = "Sr" + Guid.NewGuid().ToString("N")[..8];
        var phones = Enumerable.Range(0, 3).Select(i => TestCustomers.Phone(7_600_000 + (Random.Shared.Next(0, 40_000) * 3) + i)).ToArray();
        var csv = "id,name,phone,area,timeZone\n"
            + $"{tag}-1,Quentin {tag},{phones[0]},{tag}North,America/Chicago\n"
            + $"{tag}-2,Quentin {tag},{phones[1]},{tag}South,America/Chicago\n"
            + $"{tag}-3,Rosa {tag},{phones[2]},{tag}South,America/Chicago\n";
        (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv))).EnsureSuccessStatusCode();

        async Task<(int Total, string Ids)> FindAsync(string query)
        {
            var page = await host.Client.GetFromJsonAsync<JsonElement>("/api/customers?" + query);
            return (page.GetProperty("total").GetInt32(), string.Join(" ", page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString())));
        }

        Assert.Equal((2, $"{tag}-1 {tag}-2"), await FindAsync($"q=quentin%20{tag}"));
        Assert.Equal((1, $"{tag}-3"), await FindAsync($"q={Uri.EscapeDataString($"({phones[2][2..5]}) {phones[2][5..8]}-{phones[2][8..]}")}"));
        Assert.Equal((1, $"{tag}-2"), await FindAsync($"q={tag}-2"));
        Assert.Equal((1, $"{tag}-2"), await FindAsync($"q=Quentin%20{tag}&area={tag}South"));
        Assert.Equal((2, $"{tag}-3"), await FindAsync($"q={tag}&skip=1&take=1&area={tag}South"));
        Assert.Equal((0, ""), await FindAsync($"q=nobody-{tag}"));
        // Without q the list is as before: everyone in the area.
        Assert.Equal(2, (await FindAsync($"area={tag}South")).Total);
    }

    [Fact]
    public async Task The_do_not_call_list_is_searched_by_digits_source_or_reason_with_the_total_in_a_header()
    {
        var reason = "Search " + Guid.NewGuid().ToString("N")[..8];
        var phones = Enumerable.Range(0, 3).Select(i => TestCustomers.Phone(7_700_000 + (Random.Shared.Next(0, 40_000) * 3) + i)).ToArray();
        foreach (var phone in phones)
        {
            (await host.Client.PostAsync("/api/dnc", InProcessHost.Json($$"""{ "phone": "{{phone}}", "reason": "{{reason}}" }"""))).EnsureSuccessStatusCode();
        }

        var byReason = await host.Client.GetAsync($"/api/dnc?q={Uri.EscapeDataString(reason.ToUpperInvariant())}&take=2");
        byReason.EnsureSuccessStatusCode();
        Assert.Equal("3", byReason.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(2, (await byReason.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());

        var byDigits = await host.Client.GetAsync($"/api/dnc?q={Uri.EscapeDataString(phones[1][5..8] + " " + phones[1][8..])}");
        var found = await byDigits.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("1", byDigits.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(phones[1], found[0].GetProperty("phone").GetString());
        Assert.Equal(reason, found[0].GetProperty("reason").GetString());

        // Without q: the whole list, newest first, still an array, with its size in the header.
        var all = await host.Client.GetAsync("/api/dnc?take=1");
        Assert.True(int.Parse(all.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 3);
        Assert.Equal(JsonValueKind.Array, (await all.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
    }
}
