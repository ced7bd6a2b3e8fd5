namespace Campaign.Telephony.Simulator;

/// <summary>
/// The simulator's two clocks: the engine's <paramref name="Calendar"/>, by which virtual customers are in or out, and
/// the <paramref name="Real"/> clock its calls wait on, <paramref name="TimeScale"/> simulated seconds per real second.
/// </summary>
internal sealed record SimulatedClocks(TimeProvider Real, TimeProvider Calendar, double TimeScale);
