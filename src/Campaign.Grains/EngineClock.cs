namespace Campaign.Grains;

/// <summary>
/// The campaign engine's calendar clock (a keyed <see cref="TimeProvider"/>): calling hours, due times and call
/// timestamps follow it. It is separate from the Orleans runtime's clock so that tests can move the calendar without
/// disturbing membership, timers or activation collection.
/// </summary>
public static class EngineClock
{
    public const string Key = "campaign-engine-clock";
}
