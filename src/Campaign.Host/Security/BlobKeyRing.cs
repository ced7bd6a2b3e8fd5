using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Campaign.Host.Security;

/// <summary>
/// Keeps the ASP.NET Core data-protection key ring (which signs the admin login cookie and the antiforgery tokens) in
/// one blob container, so a cookie issued by one silo is accepted by every other silo behind the load balancer.
/// </summary>
public sealed class BlobKeyRing(BlobContainerClient container) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        container.CreateIfNotExists();
        var elements = new List<XElement>();
        foreach (var blob in container.GetBlobs())
        {
            using var content = container.GetBlobClient(blob.Name).DownloadContent().Value.Content.ToStream();
            elements.Add(XElement.Load(content));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        container.CreateIfNotExists();
        using var content = new MemoryStream();
        element.Save(content, SaveOptions.DisableFormatting);
        content.Position = 0;
        try
        {
            // Keys are never rewritten: a name taken by another silo at the same moment keeps that silo's key.
            container.GetBlobClient($"{friendlyName}.xml").Upload(content, overwrite: false);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status409Conflict)
        {
        }
    }
}
