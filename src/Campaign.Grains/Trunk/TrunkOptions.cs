namespace Campaign.Grains.Trunk;

/// <summary>The telephony trunk (<c>Trunk:*</c>): live-call capacity and new calls per second.</summary>
public sealed class TrunkOptions
{
    public int Capacity { get; set; } = 20;

    public double CallsPerSecond { get; set; } = 10;

    /// <summary>A lease not released by then is considered leaked (its holder died) and is freed.</summary>
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromMinutes(15);
}
