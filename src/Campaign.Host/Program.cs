using Campaign.Host.Hosting;

var app = CampaignHost.Build(args);
await app.StartAsync();
foreach (var url in app.Urls)
{
    Console.WriteLine($"Campaign.Orleans is running at {url} (admin: {url.TrimEnd('/')}/login, API reference: {url.TrimEnd('/')}/scalar)");
}

await app.WaitForShutdownAsync();
