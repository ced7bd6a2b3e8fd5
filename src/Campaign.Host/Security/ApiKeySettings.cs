using System.Security.Cryptography;
using Campaign.Storage;

namespace Campaign.Host.Security;

/// <summary>
/// The API key for <c>/api</c> (<c>Auth:ApiKey</c>). When none is configured, one is generated on first start and kept
/// beside the data file (readable by the owner only), so a local installation is never open.
/// </summary>
public sealed class ApiKeySettings
{
    public const string HeaderName = "X-Api-Key";

    public required string ApiKey { get; init; }

    /// <summary>Whether the key was generated on this start (and so is printed once); a stored key is never printed again.</summary>
    public bool Generated { get; init; }

    public static ApiKeySettings Resolve(IConfiguration configuration, string dataDirectory)
    {
        var configured = configuration["Auth:ApiKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new ApiKeySettings { ApiKey = configured.Trim() };
        }

        var path = Path.Combine(dataDirectory, "api-key");
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= 16 } stored)
        {
            OwnerOnlyFiles.Restrict(path);
            return new ApiKeySettings { ApiKey = stored };
        }

        OwnerOnlyFiles.CreateDirectory(dataDirectory);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        OwnerOnlyFiles.WriteAllText(path, key);

        return new ApiKeySettings { ApiKey = key, Generated = true };
    }
}
