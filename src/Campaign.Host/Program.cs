using Campaign.Host.Hosting;
using Campaign.Host.Security;

if (args is ["--hash-password"])
{
    // Reads the password from standard input so it never lands in shell history.
    Console.Error.Write("Password: ");
    Console.WriteLine(AdminCredentials.Hash(Console.ReadLine() ?? ""));
    return 0;
}

if (args is [HealthCheckCommand.Switch] or [HealthCheckCommand.Switch, _])
{
    return await HealthCheckCommand.RunAsync(args.Length == 2 ? args[1] : null, TimeSpan.FromSeconds(5));
}

var app = CampaignHost.Build(args);
await app.StartAsync();
foreach (var url in app.Urls)
{
    Console.WriteLine($"Campaign.Orleans is running at {url} (admin: {url.TrimEnd('/')}/login, API reference: {url.TrimEnd('/')}/scalar)");
}

await app.WaitForShutdownAsync();
return 0;
