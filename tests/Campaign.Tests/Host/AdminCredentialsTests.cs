using Campaign.Host.Security;
using Campaign.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Campaign.Tests.Host;

public class AdminCredentialsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void A_plain_password_from_configuration_is_kept_only_as_a_hash()
    {
        using var dir = new TempDatabase();
        var admin = AdminCredentials.Resolve(Config(("Auth:Admin:User", "ops"), ("Auth:Admin:Password", "s3cret pass")), dir.Directory);

        Assert.DoesNotContain("s3cret", admin.PasswordHash);
        Assert.True(admin.Verify("ops", "s3cret pass"));
        Assert.False(admin.Verify("ops", "s3cret Pass"));
        Assert.False(admin.Verify("admin", "s3cret pass"));
        Assert.False(admin.Verify(null, null));
        Assert.Null(admin.GeneratedPassword);
        Assert.False(File.Exists(Path.Combine(dir.Directory, AdminCredentials.FileName)));
    }

    [Fact]
    public void A_configured_hash_is_used_as_is()
    {
        using var dir = new TempDatabase();
        var admin = AdminCredentials.Resolve(Config(("Auth:Admin:PasswordHash", AdminCredentials.Hash("from hash")), ("Auth:Admin:Password", "ignored")), dir.Directory);

        Assert.Equal("admin", admin.User);
        Assert.True(admin.Verify("admin", "from hash"));
        Assert.False(admin.Verify("admin", "ignored"));
    }

    [Fact]
    public void Without_a_password_one_is_generated_once_and_only_its_hash_is_stored_owner_only()
    {
        using var dir = new TempDatabase();
        var first = AdminCredentials.Resolve(Config(), dir.Directory);
        var password = Assert.IsType<string>(first.GeneratedPassword);
        Assert.True(password.Length >= 16);
        var file = Path.Combine(dir.Directory, AdminCredentials.FileName);
        Assert.DoesNotContain(password, File.ReadAllText(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var second = AdminCredentials.Resolve(Config(), dir.Directory);
        Assert.Null(second.GeneratedPassword);
        Assert.True(second.Verify("admin", password));
    }
}
