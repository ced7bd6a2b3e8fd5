using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;

namespace Campaign.Tests.Storage;

/// <summary>
/// The grain storage serializer the silo uses (Orleans' default: Newtonsoft JSON with type names), built without a silo;
/// and the stored-state fixtures under Storage/Fixtures, written by that serializer.
/// </summary>
public static class StoredStateSerializer
{
    public static IGrainStorageSerializer Create()
    {
        var options = new OrleansJsonSerializerOptions();
        Campaign.Grains.GrainStateJson.Configure(options);
        return new JsonGrainStorageSerializer(new OrleansJsonSerializer(Options.Create(options)));
    }

    public static string FixturePath(string name) =>
        Path.Combine(Campaign.Tests.Support.RepositoryPaths.Root, "tests", "Campaign.Tests", "Storage", "Fixtures", name);

    public static T Read<T>(string name) =>
        Create().Deserialize<T>(new BinaryData(File.ReadAllBytes(FixturePath(name))))!;
}
