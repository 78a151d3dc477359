using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Idp.Build.Processes;

/// <summary>
/// Runs child processes. Arguments are passed as a list (no shell, no quoting mistakes); output is captured and,
/// by default, written to the build output line by line as it arrives — through the console, so the secret
/// masker and a parallel target's buffer see it. A non-zero exit is an error that names the command.
/// </summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="fileName"/> and waits for it.</summary>
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, ProcessOptions? options = null) =>
        RunAsync(fileName, arguments, options).GetAwaiter().GetResult();

    /// <summary>Runs <paramref name="fileName"/> and waits for it asynchronously.</summary>
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, ProcessOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ProcessOptions();
        var args = arguments.ToArray();
        var commandLine = Display(fileName, args);
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = options.StandardInput is not null,
            UseShellExecute = false,
            WorkingDirectory = options.WorkingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var argument in args)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in options.Environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        if (options.LogInvocation)
            Console.Out.WriteLine($"> {commandLine}");
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ProcessException(
                $"Could not start '{fileName}' ({e.Message}) in {start.WorkingDirectory}. Check that it is installed and on PATH.");
        }

        var lines = new List<OutputLine>();
        var stdout = PumpAsync(process.StandardOutput, isError: false);
        var stderr = PumpAsync(process.StandardError, isError: true);
        if (options.StandardInput is not null)
        {
            await process.StandardInput.WriteAsync(options.StandardInput);
            process.StandardInput.Close();
        }

        using var timeout = options.Timeout is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await process.WaitForExitAsync(linked.Token);
            await Task.WhenAll(stdout, stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            var partial = new ProcessResult(commandLine, -1, Snapshot(), clock.Elapsed);
            var why = timeout.IsCancellationRequested ? $"timed out after {Seconds(options.Timeout!.Value)}" : "was cancelled";
            throw new ProcessException($"'{commandLine}' {why} and was stopped.{Tail(partial)}", partial);
        }

        var result = new ProcessResult(commandLine, process.ExitCode, Snapshot(), clock.Elapsed);
        if (result.ExitCode != 0 && !options.AllowNonZeroExitCode)
        {
            throw new ProcessException(
                $"'{commandLine}' exited with code {result.ExitCode} after {Seconds(result.Duration)}.{(options.LogOutput ? "" : Tail(result))}",
                result);
        }
        return result;

        async Task PumpAsync(StreamReader reader, bool isError)
        {
            while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
            {
                lock (lines)
                    lines.Add(new OutputLine(line, isError));
                if (options.LogOutput)
                    (isError ? Console.Error : Console.Out).WriteLine(line);
            }
        }

        List<OutputLine> Snapshot()
        {
            lock (lines)
                return lines.ToList();
        }
    }

    /// <summary>The command line as a person would type it (arguments with spaces quoted).</summary>
    public static string Display(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { fileName }.Concat(arguments).Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) || a.Contains('"') ? $"\"{a.Replace("\"", "\\\"")}\"" : a));

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string Tail(ProcessResult result)
    {
        var last = result.Output.TakeLast(20).Select(l => "  " + l.Text).ToArray();
        return last.Length == 0 ? " It printed nothing." : " Its last output:\n" + string.Join('\n', last);
    }
}
