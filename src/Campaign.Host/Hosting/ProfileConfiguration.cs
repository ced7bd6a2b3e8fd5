namespace Campaign.Host.Hosting;

/// <summary>
/// Loads <c>silo-config/appsettings.json</c> and the profile's file (<c>--profile local|azurite|azure|cluster</c>
/// or <c>CAMPAIGN_PROFILE</c>; default local) beneath environment variables and the command line.
/// </summary>
internal static class ProfileConfiguration
{
    public static readonly string[] Profiles = ["local", "azurite", "azure", "cluster"];

    public static string Apply(ConfigurationManager configuration, string[] args)
    {
        var profile = ReadProfile(args) ?? Environment.GetEnvironmentVariable("CAMPAIGN_PROFILE") ?? "local";
        if (!Profiles.Contains(profile, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Unknown profile '{profile}'. Use one of: {string.Join(", ", Profiles)}.");
        }

        var directory = Path.Combine(AppContext.BaseDirectory, "silo-config");
        var existing = configuration.Sources.ToList();
        configuration.Sources.Clear();
        configuration.AddJsonFile(Path.Combine(directory, "appsettings.json"), optional: false, reloadOnChange: false);
        configuration.AddJsonFile(Path.Combine(directory, $"appsettings.{profile.ToLowerInvariant()}.json"), optional: true, reloadOnChange: false);
        foreach (var source in existing)
        {
            configuration.Sources.Add(source);
        }

        return profile.ToLowerInvariant();
    }

    private static string? ReadProfile(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--profile" && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--profile=", StringComparison.Ordinal))
            {
                return args[i]["--profile=".Length..];
            }
        }

        return null;
    }

    /// <summary>The arguments without <c>--profile</c>, which the command-line configuration source would misread.</summary>
    public static string[] WithoutProfile(string[] args)
    {
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--profile")
            {
                i++;
                continue;
            }

            if (!args[i].StartsWith("--profile=", StringComparison.Ordinal))
            {
                rest.Add(args[i]);
            }
        }

        return rest.ToArray();
    }
}
