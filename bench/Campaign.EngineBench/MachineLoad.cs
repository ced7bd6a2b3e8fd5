namespace Campaign.EngineBench;

/// <summary>The one-minute load average (Linux), so figures taken on a busy machine can be told apart.</summary>
public static class MachineLoad
{
    public static string Now()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
