namespace Campaign.Grains.Trunk;

/// <summary>Max-min fair division of the trunk: each campaign gets what it wants up to an equal share, and what some leave is shared by the rest.</summary>
public static class FairShare
{
    public static IReadOnlyDictionary<string, int> Divide(int capacity, IReadOnlyDictionary<string, int> wants)
    {
        var shares = wants.Keys.ToDictionary(k => k, _ => 0);
        var open = wants.Where(w => w.Value > 0).Select(w => w.Key).ToList();
        var left = capacity;
        while (left > 0 && open.Count > 0)
        {
            var each = Math.Max(1, left / open.Count);
            foreach (var campaign in open.OrderBy(c => shares[c]).ThenBy(c => c, StringComparer.Ordinal).ToList())
            {
                if (left == 0)
                {
                    break;
                }

                var give = Math.Min(Math.Min(each, wants[campaign] - shares[campaign]), left);
                shares[campaign] += give;
                left -= give;
                if (shares[campaign] >= wants[campaign])
                {
                    open.Remove(campaign);
                }
            }
        }

        return shares;
    }
}
