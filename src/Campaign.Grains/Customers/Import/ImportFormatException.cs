namespace Campaign.Grains.Customers.Import;

/// <summary>The file as a whole cannot be read (empty, not CSV/JSON, unknown or missing columns); nothing is imported.</summary>
public sealed class ImportFormatException(string message, string? field = null, int? line = null) : Exception(message)
{
    public string? Field { get; } = field;

    public int? Line { get; } = line;
}
