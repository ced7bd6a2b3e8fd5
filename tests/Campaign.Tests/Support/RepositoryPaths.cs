namespace Campaign.Tests.Support;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The built host, in the same configuration as these tests.</summary>
    public static string HostAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            var path = Path.Combine(Root, "src", "Campaign.Host", "bin", configuration, "net10.0", "Campaign.Host.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the host first", path);
        }
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Campaign.Orleans.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Campaign.Orleans.sln not found above " + AppContext.BaseDirectory);
    }
}
