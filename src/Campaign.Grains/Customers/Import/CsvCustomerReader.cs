using CsvHelper;

namespace Campaign.Grains.Customers.Import;

/// <summary>Reads customers from CSV (separator ',', ';', tab or '|' detected), reporting each row's line in the file.</summary>
public static class CsvCustomerReader
{
    public static async Task<IReadOnlyList<ImportRow>> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var rows = new List<ImportRow>();
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => rows.Add(new ImportRow((int)record.LineNumber, null,
                "the row has a stray or unclosed quote; wrap fields that contain quotes or separators in double quotes")),
            MaxRecordSize = 1024 * 1024,
            IncludeValuesInExceptions = false,
        };
        await using var checkedStream = new Utf8CheckingStream(stream);
        await using var csv = CsvReader.Create(checkedStream, options, leaveOpen: true);
        string[] header;
        try
        {
            await csv.ReadHeaderAsync(cancellationToken);
            header = csv.Headers.ToArray();
        }
        catch (CsvFormatException ex)
        {
            throw new ImportFormatException($"the header line cannot be read as CSV: {ex.Message}", "header", 1);
        }

        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            throw new ImportFormatException("the file is empty; expected a header line such as id,name,phone,area", "file");
        }

        var columns = CsvColumnMap.FromHeader(header);
        var fields = new string?[header.Length];
        while (await ReadRecordAsync(csv, cancellationToken))
        {
            var line = (int)csv.LineNumber;
            if (csv.FieldCount > header.Length)
            {
                rows.Add(new ImportRow(line, null, $"the row has {csv.FieldCount} fields but the header has {header.Length}"));
                continue;
            }

            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = i < csv.FieldCount ? csv.GetString(i) : null;
            }

            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            try
            {
                rows.Add(new ImportRow(line, columns.Read(fields), null));
            }
            catch (FormatException ex)
            {
                rows.Add(new ImportRow(line, null, ex.Message));
            }
        }

        if (rows.Count == 0)
        {
            throw new ImportFormatException("the file has a header but no customer rows", "file");
        }

        rows.Sort((a, b) => a.Line.CompareTo(b.Line));
        return rows;
    }

    private static async Task<bool> ReadRecordAsync(CsvReader csv, CancellationToken cancellationToken)
    {
        try
        {
            return await csv.ReadAsync(cancellationToken);
        }
        catch (CsvFormatException ex)
        {
            throw new ImportFormatException($"the file cannot be read as CSV near line {ex.LineNumber}: {ex.Message}", "file", (int)ex.LineNumber);
        }
    }
}
