using System.Diagnostics;

namespace Campaign.Tests.Support;

/// <summary>
/// A command-line tool installed from npm under <c>tools/NAME</c> with its lock file (<c>npm ci</c>, as
/// <c>./run-tests.sh</c> does). A missing install fails the test that needs it, saying how to install it.
/// </summary>
public sealed class NodeTool(string folder, string command)
{
    public static NodeTool Redocly { get; } = new("redocly", "redocly");

    public static NodeTool Prism { get; } = new("prism", "prism");

    public string Executable => Path.Combine(RepositoryPaths.Root, "tools", folder, "node_modules", ".bin", command);

    public string Folder => Path.Combine(RepositoryPaths.Root, "tools", folder);

    public ProcessStartInfo StartInfo(params string[] arguments)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException(
                $"{command} is not installed: run `npm ci` in tools/{folder} (./run-tests.sh does; it needs Node.js and npm). Looked for {Executable}.");
        }

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing but loopback: no usage reports, no update checks.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_UPDATE_NOTIFIER"] = "1";
        return start;
    }

    /// <summary>Runs the tool to the end and returns its exit code and output.</summary>
    public Task<(int ExitCode, string Output, string Errors)> RunAsync(TimeSpan timeout, params string[] arguments) =>
        ToolProcess.RunAsync(StartInfo(arguments), timeout);
}
