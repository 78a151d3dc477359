using System.Diagnostics;
using System.Globalization;
using Idp.Build.Processes;

namespace Idp.Build.Components.Platform;

/// <summary>
/// Daemons that outlive the build: started in their own session with output to a log file, remembered by a pid
/// file, and stopped only when that pid still belongs to the program that was started.
/// </summary>
public static class DetachedProcess
{
    /// <summary>Starts <paramref name="program"/> detached; writes its pid to <paramref name="pidFile"/> and returns it.</summary>
    public static int Start(string program, IReadOnlyList<string> arguments, AbsolutePath log, AbsolutePath pidFile)
    {
        if (!File.Exists(program))
        {
            throw new BuildException(
                $"{program} is missing. Install it (Debian: apt-get install {Path.GetFileName(program) switch { "dockerd" => "docker.io", var name => name }}), or point the build at a running one.");
        }
        // The daemon must not inherit the build's output pipes: whoever reads the build's output would wait for it to exit.
        const string script = "log=\"$1\"; pidfile=\"$2\"; shift 2; setsid \"$@\" >>\"$log\" 2>&1 </dev/null & echo $! >\"$pidfile\"";
        ProcessRunner.Run("/bin/sh", ["-c", script, "sh", log, pidFile, program, .. arguments],
            new ProcessOptions { LogOutput = false, LogInvocation = false, Timeout = TimeSpan.FromSeconds(30) });
        return ReadPid(pidFile) ?? throw new BuildException($"{program} was started but wrote no pid to {pidFile}; see {log}.");
    }

    /// <summary>The pid in <paramref name="pidFile"/> when that process still runs <paramref name="program"/>; else null.</summary>
    public static int? RunningPid(AbsolutePath pidFile, string program)
    {
        if (ReadPid(pidFile) is not { } pid)
            return null;
        try
        {
            // A recycled pid must not be mistaken for the daemon: compare the running program's name.
            var command = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0')[0];
            return Path.GetFileName(command) == Path.GetFileName(program) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Stops the daemon of <paramref name="pidFile"/> (TERM, then KILL after <paramref name="grace"/>) and deletes the pid file.</summary>
    public static bool Stop(AbsolutePath pidFile, string program, TimeSpan grace)
    {
        var stopped = false;
        if (RunningPid(pidFile, program) is { } pid)
        {
            using var process = Process.GetProcessById(pid);
            ProcessRunner.Run("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)],
                new ProcessOptions { LogOutput = false, LogInvocation = false, AllowNonZeroExitCode = true });
            if (!process.WaitForExit(grace))
                process.Kill(entireProcessTree: true);
            stopped = true;
        }
        if (pidFile.FileExists())
            File.Delete(pidFile);
        return stopped;
    }

    private static int? ReadPid(AbsolutePath pidFile) =>
        File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : null;
}
