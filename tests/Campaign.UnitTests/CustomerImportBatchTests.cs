using System.Text;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Customers.Import;
using Campaign.UnitTests.Support;

namespace Campaign.UnitTests;

public class CustomerImportBatchTests
{
    [Fact]
    public async Task The_importer_writes_in_batches_of_the_size_the_directory_asks_for()
    {
        var batches = new List<int>();
        var directory = Stub<ICustomerDirectory>.Of((method, args) =>
        {
            if (method.Name == "get_" + nameof(ICustomerDirectory.ImportBatchSize))
            {
                return 3;
            }

            var batch = (IReadOnlyList<CustomerProfile>)args[0]!;
            batches.Add(batch.Count);
            return Task.FromResult(new UpsertCounts(batch.Count, 0));
        });
        var csv = "id,name,phone\n" + string.Concat(Enumerable.Range(0, 7).Select(i => $"C-{i},Name {i},+1212555{i + 100:D4}\n"));

        var result = await new CustomerImporter(directory, new CustomerValidator(new PhoneNormalizer("US")))
            .ImportCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)));

        Assert.Equal([3, 3, 1], batches);
        Assert.Equal(7, result.Imported);
    }
}
