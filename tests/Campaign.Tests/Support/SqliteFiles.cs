using System.Text;

namespace Campaign.Tests.Support;

/// <summary>What a SQLite database keeps on disk: the file and its write-ahead log, read raw.</summary>
public static class SqliteFiles
{
    public static bool Hold(string path, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        var lower = Encoding.UTF8.GetBytes(text.ToLowerInvariant());
        foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            if (bytes.AsSpan().IndexOf(needle) >= 0 || bytes.AsSpan().IndexOf(lower) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
