namespace Campaign.Host.Security;

/// <summary>
/// With <c>Auth:RequireConfigured=true</c> (the <c>azure</c> and <c>cluster</c> profiles) the API key and the admin
/// password must come from configuration: a key or password generated into one silo's local folder would differ
/// from silo to silo, and a load balancer may send any request to any silo.
/// </summary>
internal static class ConfiguredSecrets
{
    public static void EnsurePresent(IConfiguration configuration, string profile)
    {
        if (!configuration.GetValue("Auth:RequireConfigured", false))
        {
            return;
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(configuration["Auth:ApiKey"]))
        {
            missing.Add("Auth:ApiKey");
        }

        if (string.IsNullOrWhiteSpace(configuration["Auth:Admin:Password"]) && string.IsNullOrWhiteSpace(configuration["Auth:Admin:PasswordHash"]))
        {
            missing.Add("Auth:Admin:Password (or Auth:Admin:PasswordHash)");
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Profile '{profile}' runs as a cluster, so every silo needs the same {string.Join(" and ", missing)} from configuration " +
                "(e.g. the environment variables Auth__ApiKey and Auth__Admin__PasswordHash); they are not generated per silo.");
        }
    }
}
