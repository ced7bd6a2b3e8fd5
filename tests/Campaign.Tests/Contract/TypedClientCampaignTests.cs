using Campaign.ApiClient.Models;
using Campaign.Tests.Http;
using Campaign.Tests.Support;

namespace Campaign.Tests.Contract;

/// <summary>A client generated from the document alone runs a whole campaign against the real host.</summary>
[Collection(InProcessHostCollection.Name)]
public class TypedClientCampaignTests(InProcessHost host)
{
    [Fact]
    public async Task A_generated_client_imports_customers_and_runs_a_campaign_to_its_export()
    {
        using var http = new HttpClient();
        var api = TypedClient.For(host.BaseAddress, http).Api;
        var area = "Typed" + Guid.NewGuid().ToString("N")[..8];

        var imported = await api.Customers.Import.PostAsync(Enumerable.Range(0, 4).Select(i => new CustomerImportItem
        {
            Id = $"{area}-{i}",
            Name = $"Customer {i}",
            Phone = TestCustomers.Phone(960_000 + i),
            Area = area,
            TimeZone = TestZones.Afternoon,
            Issues = [new CustomerImportIssue { Category = "electricity", Text = "power cuts at night" }],
            Consent = [new CustomerImportConsent { Kind = "express", At = "2020-01-01" }],
        }).ToList());
        Assert.Equal(4, imported!.Imported);
        Assert.Empty(imported.Rejected!);

        var segment = await api.Segments.PostAsync(new SegmentRequest
        {
            Name = "Typed " + area,
            Criteria = new SegmentCriteria { Area = [area] },
        });
        Assert.Equal(4, segment!.Count);

        var script = await api.Scripts.PostAsync(new ScriptBody
        {
            Name = "Typed outage follow-up",
            Persona = new PersonaBody { AgentName = "Alex", Company = "City Power" },
            Goal = "Check the outage is fixed",
            Opening = "Hello {{customer.firstName}}, this is {{persona.agentName}} from {{persona.company}}.",
            Closing = "Thank you, {{customer.firstName}}.",
            Disclosure = "I'm an automated assistant calling on behalf of {{persona.company}}.",
        });
        Assert.Equal(1, script!.Version);

        var campaign = await api.Campaigns.PostAsync(new CampaignRequest
        {
            Name = "Typed " + area,
            SegmentId = segment.Id,
            ScriptId = script.Id,
            MaxConcurrentCalls = 4,
            RetryPolicy = new RetryPolicyRequest { MaxAttempts = 1 },
        });
        Assert.Equal(CampaignStatus.Draft, campaign!.Status);

        var started = await api.Campaigns[campaign.Id].Start.PostAsync();
        Assert.Equal(CampaignStatus.Running, started!.Status);
        Assert.Equal(4, started.Audience);

        CampaignStatsResponse? stats = null;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && stats?.Status != CampaignStatus.Completed)
        {
            await Task.Delay(200);
            stats = await api.Campaigns[campaign.Id].Stats.GetAsync();
        }

        Assert.Equal(CampaignStatus.Completed, stats?.Status);
        Assert.Equal(4, stats!.Finished);

        var calls = await api.Campaigns[campaign.Id].Calls.GetAsync();
        Assert.Equal(4, calls!.Total);
        Assert.All(calls.Items!, call => Assert.NotNull(call.Result));
        var call = await api.Calls[calls.Items![0].Id].GetAsync();
        Assert.Equal(campaign.Id, call!.CampaignId);

        await using var export = await api.Campaigns[campaign.Id].ExportCsv.GetAsync();
        var csv = await new StreamReader(export!).ReadToEndAsync();
        Assert.StartsWith("callId,customerId,segmentId,attempt,result", csv);
        Assert.Equal(5, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var missing = await Assert.ThrowsAsync<ProblemDetails>(() => api.Campaigns["cmp-nobody"].Stats.GetAsync());
        Assert.Equal(404, missing.Status);
    }
}
