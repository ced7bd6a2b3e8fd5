using Azure.Data.Tables;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Text of any length in an entity. A string property holds at most 32 K characters, so longer text is split over
/// <c>Name</c>, <c>Name1</c>, <c>Name2</c>… and joined again on reading.
/// </summary>
internal static class TableText
{
    private const int ChunkLength = 30_000;

    public static void Write(TableEntity entity, string name, string text)
    {
        for (int i = 0, offset = 0; offset < text.Length || i == 0; i++, offset += ChunkLength)
        {
            entity[i == 0 ? name : name + i] = text.Substring(offset, Math.Min(ChunkLength, text.Length - offset));
        }
    }

    public static string Read(TableEntity entity, string name)
    {
        var first = entity.GetString(name) ?? "";
        if (first.Length < ChunkLength)
        {
            return first;
        }

        var text = new System.Text.StringBuilder(first);
        for (var i = 1; entity.GetString(name + i) is { } next; i++)
        {
            text.Append(next);
        }

        return text.ToString();
    }
}
