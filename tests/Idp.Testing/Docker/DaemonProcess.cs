using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Idp.Testing.Docker;

/// <summary>Starting and stopping the real daemons the Docker fixtures own.</summary>
internal static class DaemonProcess
{
    /// <summary>Starts <paramref name="program"/> with its output appended to <paramref name="log"/> (read by tests, e.g. the registry's access log).</summary>
    public static Process Start(string program, string log, params string[] arguments)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        // exec: the pid is the daemon's, so stopping it signals the daemon itself, not a shell.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("log=\"$1\"; shift; exec \"$@\" >>\"$log\" 2>&1");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(log);
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
    }

    /// <summary>Sends TERM, waits up to <paramref name="grace"/>, then kills the process tree.</summary>
    public static async Task StopAsync(Process process, TimeSpan grace)
    {
        if (!process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        process.Dispose();
    }

    /// <summary>The last lines of a log, for a failure message.</summary>
    public static string Tail(string log) =>
        File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "(no log)";

}
