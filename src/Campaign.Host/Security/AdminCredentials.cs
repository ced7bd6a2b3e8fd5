using System.Security.Cryptography;
using System.Text;
using Campaign.Storage;
using Microsoft.AspNetCore.Identity;

namespace Campaign.Host.Security;

/// <summary>
/// The single admin login of the web frontend (<c>Auth:Admin:User</c>, <c>Auth:Admin:Password</c> in plain text or
/// <c>Auth:Admin:PasswordHash</c>). Only a hash is kept in memory. Without a configured password one is generated on
/// first start, its hash kept beside the data file (owner-only) and the password itself handed out once.
/// </summary>
public sealed class AdminCredentials
{
    public const string DefaultUser = "admin";
    public const string FileName = "admin-password";
    private static readonly PasswordHasher<string> Hasher = new();

    private AdminCredentials(string user, string passwordHash, string? generatedPassword)
    {
        User = user;
        PasswordHash = passwordHash;
        GeneratedPassword = generatedPassword;
    }

    public string User { get; }

    public string PasswordHash { get; }

    /// <summary>The password generated on this start, to print once; null otherwise.</summary>
    public string? GeneratedPassword { get; }

    public static string Hash(string password) => Hasher.HashPassword(DefaultUser, password);

    public bool Verify(string? user, string? password)
    {
        var userMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user?.Trim() ?? ""), Encoding.UTF8.GetBytes(User));
        // Always verify the password too, so a wrong user name takes as long as a wrong password.
        var passwordMatches = Hasher.VerifyHashedPassword(DefaultUser, PasswordHash, password ?? "") != PasswordVerificationResult.Failed;
        return userMatches && passwordMatches;
    }

    public static AdminCredentials Resolve(IConfiguration configuration, string dataDirectory)
    {
        var user = configuration["Auth:Admin:User"] is { Length: > 0 } u ? u.Trim() : DefaultUser;
        if (configuration["Auth:Admin:PasswordHash"] is { Length: > 0 } hash)
        {
            return new AdminCredentials(user, hash.Trim(), null);
        }

        if (configuration["Auth:Admin:Password"] is { Length: > 0 } password)
        {
            return new AdminCredentials(user, Hash(password), null);
        }

        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } stored)
        {
            OwnerOnlyFiles.Restrict(path);
            return new AdminCredentials(user, stored, null);
        }

        OwnerOnlyFiles.CreateDirectory(dataDirectory);
        var generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
        var generatedHash = Hash(generated);
        OwnerOnlyFiles.WriteAllText(path, generatedHash);

        return new AdminCredentials(user, generatedHash, generated);
    }
}
