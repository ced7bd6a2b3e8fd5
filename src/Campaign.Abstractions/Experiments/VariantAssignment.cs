using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Campaign.Abstractions.Experiments;

/// <summary>
/// Which variant a new customer hears: rendezvous hashing over the campaign, the customer and each variant still taking
/// new customers. The split is even, the same in every process and independent between campaigns, and stopping a
/// variant moves only the customers who would have heard it. Retries and callbacks reuse the variant recorded at the
/// customer's first attempt.
/// </summary>
public static class VariantAssignment
{
    public static string Of(string campaignId, string customerId, IReadOnlyList<ExperimentVariant> variants, IReadOnlyCollection<string> stopped)
    {
        var open = variants.Where(v => !stopped.Contains(v.ScriptId)).ToList();
        return (open.Count > 0 ? open : variants).MaxBy(v => Score(campaignId, customerId, v.ScriptId))!.ScriptId;
    }

    private static ulong Score(string campaignId, string customerId, string scriptId)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{campaignId}\n{customerId}\n{scriptId}"), digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }
}
