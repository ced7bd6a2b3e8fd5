using System.Runtime.CompilerServices;
using System.Text.Json;
using Campaign.Abstractions.Customers;

namespace Campaign.Grains.Customers.Import;

/// <summary>
/// Customers that passed validation, held in a temporary file (readable by this user only, deleted on close) until the
/// whole upload has been read, so a file that turns out unreadable near its end has written nothing, and memory
/// does not grow with the file.
/// </summary>
internal sealed class StagedCustomers : IAsyncDisposable
{
    private readonly FileStream _file;

    public StagedCustomers()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 1 << 16,
            Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        _file = new FileStream(Path.Combine(Path.GetTempPath(), $"campaign-import-{Guid.NewGuid():N}.jsonl"), options);
    }

    public int Count { get; private set; }

    public async ValueTask AddAsync(CustomerProfile profile, CancellationToken cancellationToken)
    {
        await _file.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(profile), cancellationToken);
        _file.WriteByte((byte)'\n');
        Count++;
    }

    public async IAsyncEnumerable<CustomerProfile[]> ReadBatchesAsync(int size, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _file.FlushAsync(cancellationToken);
        _file.Position = 0;
        using var reader = new StreamReader(_file, leaveOpen: true);
        var batch = new List<CustomerProfile>(size);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            batch.Add(JsonSerializer.Deserialize<CustomerProfile>(line)!);
            if (batch.Count == size)
            {
                yield return [.. batch];
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            yield return [.. batch];
        }
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
