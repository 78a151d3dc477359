using System.Diagnostics;
using System.Text;
using Idp.Testing.Processes;

namespace Idp.Docs.Tests;

/// <summary>Runs a command of the docs as the reader would: <c>bash -c</c> in a folder, with output and exit code captured.</summary>
public static class Shell
{
    /// <summary>Runs <paramref name="command"/> in <paramref name="directory"/>; fails the test when it does not end within <paramref name="limit"/>.</summary>
    public static ShellResult Run(string command, string directory, TimeSpan limit, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = Command.Run("bash", ["-c", command], directory, limit, new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["NO_COLOR"] = "1" });
        return new ShellResult(command, result.ExitCode, result.Output);
    }

    /// <summary>Starts <paramref name="command"/> (a server that runs until stopped) in <paramref name="directory"/>.</summary>
    public static RunningCommand Start(string command, string directory, IReadOnlyDictionary<string, string>? environment = null) =>
        new(Process.Start(StartInfo(command, directory, environment)) ?? throw new InvalidOperationException("bash did not start."));

    private static ProcessStartInfo StartInfo(string command, string directory, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("bash", ["-c", command])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return start;
    }
}

/// <summary>A command left running (a server); disposing it stops it and everything it started.</summary>
public sealed class RunningCommand : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    internal RunningCommand(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>True while the command runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Its output so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }
}

/// <summary>What a command did: its exit code and its output (standard output and error, interleaved).</summary>
public sealed record ShellResult(string Command, int ExitCode, string Output)
{
    /// <summary>Fails the test, showing the output, unless the command succeeded.</summary>
    public ShellResult ShouldSucceed()
    {
        ExitCode.ShouldBe(0, ToString());
        return this;
    }

    /// <summary>Fails the test unless every line the docs show is in the output (leading and trailing spaces aside).</summary>
    public void ShouldShow(IEnumerable<string> shownLines)
    {
        foreach (var line in shownLines)
            Output.ShouldContain(line.Trim(), Case.Sensitive, $"The docs show this line of the output, but '{Command}' printed:\n{Output}");
    }

    /// <inheritdoc />
    public override string ToString() => $"$ {Command}\n(exit code {ExitCode})\n{Output}";
}
