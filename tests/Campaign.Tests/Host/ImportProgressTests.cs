using System.Text;
using Campaign.Grains.Customers.Import;
using Campaign.Host.Ui;
using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;

namespace Campaign.Tests.Host;

/// <summary>What an import tells an observer while it runs, and the rejected rows' CSV.</summary>
public sealed class ImportProgressTests : IDisposable
{
    private readonly TempDatabase _file = new();

    public void Dispose() => _file.Dispose();

    private sealed class Recorder : ImportObserver
    {
        public List<string> Events { get; } = [];

        public override void Rejected(int line, string? id, string? name, string reason) => Events.Add($"rejected {line} {id ?? "-"} {name ?? "-"}");

        public override ValueTask ReadAsync(int rows, CancellationToken cancellationToken)
        {
            Events.Add($"read {rows}");
            return ValueTask.CompletedTask;
        }

        public override ValueTask StagedAsync(int toWrite, CancellationToken cancellationToken)
        {
            Events.Add($"staged {toWrite}");
            return ValueTask.CompletedTask;
        }

        public override ValueTask WrittenAsync(int written, int toWrite, CancellationToken cancellationToken)
        {
            Events.Add($"written {written}/{toWrite}");
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task An_observer_hears_rejections_with_id_and_name_rows_read_and_each_batch_written()
    {
        var csv = new StringBuilder("id,name,phone\n");
        for (var i = 0; i < 4500; i++)
        {
            csv.Append(i switch
            {
                3 => "P-3,Bad Phone,12\n",
                4 => "P-0,Twice,+12125550100\n",
                _ => $"P-{i},Person {i},{TestCustomers.Phone(i)}\n",
            });
        }

        var directory = new SqliteCustomerDirectory(new SqliteDatabase(_file.Path), TimeProvider.System);
        var importer = new CustomerImporter(directory, new CustomerValidator(new PhoneNormalizer("US"), TimeProvider.System));
        var recorder = new Recorder();

        var result = await importer.ImportCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), recorder);

        Assert.Equal(4498, result.Imported);
        Assert.Equal(
            ["rejected 5 P-3 Bad Phone", "rejected 6 P-0 Twice", "read 2000", "read 4000", "staged 4498", "written 2000/4498", "written 4000/4498", "written 4498/4498"],
            recorder.Events);
    }

    [Fact]
    public void Rejected_rows_are_written_as_csv_with_quotes_and_formulas_made_harmless_and_read_back_from_the_page()
    {
        ImportRejection[] rows = [new(3, "C-2", "Baker, Bob", "phone 'x' is not a phone number"), new(7, null, null, "the row cannot be read"), new(9, "C-9", "=SUM(A1)", "name \"too\" long")];

        var csv = RejectedRowsCsv.Write(RejectedRowsCsv.Parse(System.Text.Json.JsonSerializer.Serialize(rows, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))));

        Assert.Equal(
            "line,id,name,reason\r\n3,C-2,\"Baker, Bob\",phone 'x' is not a phone number\r\n7,,,the row cannot be read\r\n9,C-9,'=SUM(A1),\"name \"\"too\"\" long\"\r\n",
            csv);
        Assert.Empty(RejectedRowsCsv.Parse("not json"));
    }
}
