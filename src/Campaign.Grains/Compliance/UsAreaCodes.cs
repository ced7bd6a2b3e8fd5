using PhoneNumbers;

namespace Campaign.Grains.Compliance;

/// <summary>The US state (USPS code, DC included) of each geographic US area code, generated from libphonenumber-csharp 9.0.43's validity metadata and offline geocoder into <c>Data/us-area-codes.csv</c>.</summary>
public static class UsAreaCodes
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Table = new(Load);

    public static IReadOnlyDictionary<string, string> All => Table.Value;

    /// <summary>The state of a three-digit area code, or null when it is not a geographic US one.</summary>
    public static string? StateOf(string areaCode) => All.GetValueOrDefault(areaCode);

    /// <summary>The state of a "+1NPA..." number that libphonenumber places in the US, or null otherwise.</summary>
    public static string? StateOfPhone(string? e164)
    {
        if (string.IsNullOrWhiteSpace(e164) || !e164.StartsWith("+1", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var number = Util.Parse(e164, null);
            if (Util.GetRegionCodeForNumber(number) != "US")
            {
                return null;
            }

            var national = Util.GetNationalSignificantNumber(number);
            return national.Length == 10 ? StateOf(national[..3]) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static IReadOnlyDictionary<string, string> Load()
    {
        using var stream = typeof(UsAreaCodes).Assembly.GetManifestResourceStream("Campaign.Grains.Compliance.Data.us-area-codes.csv")
            ?? throw new InvalidOperationException("the US area codes are missing from the assembly");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        reader.ReadLine(); // header: areaCode,state
        while (reader.ReadLine() is { } line)
        {
            if (line.Split(',') is [var areaCode, var state])
            {
                table[areaCode.Trim()] = state.Trim();
            }
        }

        return table;
    }
}
