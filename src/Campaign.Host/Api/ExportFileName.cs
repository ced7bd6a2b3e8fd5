using System.Text;

namespace Campaign.Host.Api;

/// <summary>Export file names a person recognises: the campaign's name, then its id (unique), then what the file holds.</summary>
public static class ExportFileName
{
    private const int MaxNameLength = 60;

    /// <summary>"riverside-outage-cmp-1a2b3c4d5e6f-calls.csv"; just the id when the name has no letter or digit to keep.</summary>
    public static string For(string campaignId, string? campaignName, string kind)
    {
        var slug = new StringBuilder();
        foreach (var c in (campaignName ?? "").Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var name = slug.ToString(0, Math.Min(slug.Length, MaxNameLength)).Trim('-');
        return name.Length == 0 ? $"{campaignId}-{kind}.csv" : $"{name}-{campaignId}-{kind}.csv";
    }
}
