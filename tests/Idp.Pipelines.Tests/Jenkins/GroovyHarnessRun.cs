using System.Diagnostics;

namespace Idp.Pipelines.Tests.Jenkins;

/// <summary>
/// Runs the shared library's Groovy tests once (a real <c>groovy</c> process, ~10 s) and keeps the outcome for the
/// tests of this class: one process start instead of one per Groovy test class.
/// </summary>
public sealed class GroovyHarnessRun : IAsyncLifetime
{
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    internal GroovyTestReport? Report { get; private set; }

    /// <summary>Set when the run could not produce a report: groovy missing, a crash, a timeout.</summary>
    internal string? SetupFailure { get; private set; }

    internal string Output { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!OnPath("groovy"))
        {
            SetupFailure = "Groovy is not installed, so the Jenkins shared library tests cannot run. " +
                           "Run ./build.sh Prerequisites (it installs the Debian package 'groovy'), then run the tests again.";
            return;
        }

        var reportPath = Path.Combine(Path.GetTempPath(), $"idp-groovy-tests-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, output) = await RunAsync("bash", [SharedLibraryPaths.TestScript, "--report", reportPath]);
            Output = output;
            Report = GroovyTestReport.TryRead(reportPath);
            if (Report is null)
            {
                SetupFailure = $"{SharedLibraryPaths.TestScript} exited with {exitCode} without writing its report {reportPath}. Its output:\n{output}";
            }
        }
        finally
        {
            File.Delete(reportPath);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = SharedLibraryPaths.Library,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"Timed out after {Limit.TotalMinutes} minutes.\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, $"{await stdout}{await stderr}");
    }

    static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, command)));
}
