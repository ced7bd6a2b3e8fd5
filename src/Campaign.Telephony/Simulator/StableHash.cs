namespace Campaign.Telephony.Simulator;

/// <summary>A hash that is the same in every process (string.GetHashCode is randomised per process).</summary>
public static class StableHash
{
    public static int Of(int seed, string text)
    {
        unchecked
        {
            var hash = (uint)seed ^ 2166136261;
            foreach (var ch in text)
            {
                hash = (hash ^ ch) * 16777619;
            }

            return (int)hash;
        }
    }
}
