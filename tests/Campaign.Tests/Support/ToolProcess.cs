using System.Diagnostics;

namespace Campaign.Tests.Support;

/// <summary>Runs a command-line tool to the end, within a time limit, and returns its exit code and output.</summary>
public static class ToolProcess
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}: {await errors}");
        }

        return (process.ExitCode, await output, await errors);
    }
}
