using Campaign.Host.Hosting;

namespace Campaign.UnitTests;

/// <summary>The host refuses cluster configurations it cannot run safely, with a message naming the key to set.</summary>
public sealed class ClusterConfigurationTests
{
    private const string Azurite = "UseDevelopmentStorage=true";

    [Fact]
    public void The_cluster_profile_refuses_to_start_without_a_configured_api_key_and_admin_password()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CampaignHost.Build(
            ["--profile", "cluster", "--Storage:AzureStorage:ConnectionString", Azurite]));

        Assert.Contains("Auth:ApiKey", error.Message);
        Assert.Contains("Auth:Admin:Password", error.Message);
    }

    [Fact]
    public void The_cluster_profile_names_only_the_secret_that_is_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CampaignHost.Build(
            ["--profile", "cluster", "--Storage:AzureStorage:ConnectionString", Azurite, "--Auth:ApiKey", "cluster-key-0123456789"]));

        Assert.DoesNotContain("Auth:ApiKey", error.Message);
        Assert.Contains("Auth:Admin:Password", error.Message);
    }

    [Fact]
    public void Azure_storage_without_a_connection_string_is_refused_naming_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CampaignHost.Build(
            ["--Storage:Provider", "AzureStorage", "--Auth:ApiKey", "k-0123456789abcdef", "--Auth:Admin:Password", "p"]));

        Assert.Contains("Storage:AzureStorage:ConnectionString", error.Message);
    }

    [Fact]
    public void A_malformed_connection_string_is_refused_without_repeating_its_secret()
    {
        const string secret = "AccountKey=c2VjcmV0LWtleS1ub3QtdG8tYmUtbG9nZ2Vk";
        var error = Assert.Throws<InvalidOperationException>(() => CampaignHost.Build(
            ["--Storage:Provider", "AzureStorage", "--Storage:AzureStorage:ConnectionString", $"{secret};this is not a setting"]));

        Assert.Contains("Storage:AzureStorage:ConnectionString", error.Message);
        Assert.DoesNotContain(secret, error.Message);
    }

    [Theory]
    [InlineData("1starts-with-digit")]
    [InlineData("has-hyphen")]
    [InlineData("waytoolongprefixwaytoolongprefixwaytoolong")]
    public void An_invalid_table_prefix_is_refused(string prefix)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CampaignHost.Build(
            ["--Storage:Provider", "AzureStorage", "--Storage:AzureStorage:ConnectionString", Azurite, "--Storage:AzureStorage:TablePrefix", prefix]));

        Assert.Contains("Storage:AzureStorage:TablePrefix", error.Message);
    }

    [Fact]
    public void An_advertised_address_that_is_not_an_ip_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CampaignHost.Build(
        [
            "--Storage:Provider", "AzureStorage", "--Storage:AzureStorage:ConnectionString", Azurite,
            "--Auth:ApiKey", "k-0123456789abcdef", "--Auth:Admin:Password", "p", "--Orleans:AdvertisedIP", "silo-one",
        ]));

        Assert.Contains("Orleans:AdvertisedIP", error.Message);
    }

    [Fact]
    public void An_unknown_storage_provider_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CampaignHost.Build(["--Storage:Provider", "Cosmos"]));

        Assert.Contains("Storage:Provider 'Cosmos'", error.Message);
    }
}
