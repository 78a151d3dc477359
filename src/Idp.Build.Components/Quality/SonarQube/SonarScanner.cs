using System.Text.RegularExpressions;
using Idp.Build.Processes;
using Idp.Build.Tools;

namespace Idp.Build.Components.Quality.SonarQube;

/// <summary>
/// Runs SonarScanner for .NET: <c>begin</c> before the build (it hooks the analyzers into MSBuild and fetches the
/// server's settings and rules), <c>end</c> after the tests (it analyses, uploads the report and writes
/// <see cref="ReportTask"/>). Runs through the engine's <see cref="ProcessRunner"/>; the token is passed to the
/// scanner but shown as <c>***</c> in every line and message this class writes.
/// </summary>
public static partial class SonarScanner
{
    private const string Mask = "***";

    /// <summary>The scanner's arguments for <c>begin</c> (without the tool prefix).</summary>
    /// <exception cref="ArgumentException">The project key is not one SonarQube accepts.</exception>
    public static IReadOnlyList<string> BeginArguments(SonarScannerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!ProjectKeyPattern().IsMatch(settings.ProjectKey))
        {
            throw new ArgumentException(
                $"The SonarQube project key '{settings.ProjectKey}' is not valid: use letters, digits, '-', '_', '.' and ':', with at least one non-digit (e.g. 'team_hello-service').",
                nameof(settings));
        }

        var arguments = new List<string> { "begin", "/k:" + settings.ProjectKey };
        if (!string.IsNullOrWhiteSpace(settings.Version))
            arguments.Add("/v:" + settings.Version);
        arguments.Add("/d:sonar.host.url=" + settings.HostUrl.AbsoluteUri.TrimEnd('/'));
        if (!string.IsNullOrEmpty(settings.Token))
            arguments.Add("/d:sonar.token=" + settings.Token);
        if (settings.EffectiveCoverageReportPaths.Count > 0)
            arguments.Add("/d:sonar.cs.opencover.reportsPaths=" + string.Join(',', settings.EffectiveCoverageReportPaths));
        if (settings.EffectiveTestReportPaths.Count > 0)
            arguments.Add("/d:sonar.cs.vstest.reportsPaths=" + string.Join(',', settings.EffectiveTestReportPaths));
        if (settings.Branch is { IsMergeRequest: true } mergeRequest)
        {
            arguments.Add("/d:sonar.pullrequest.key=" + mergeRequest.MergeRequestKey);
            arguments.Add("/d:sonar.pullrequest.branch=" + mergeRequest.BranchName);
            arguments.Add("/d:sonar.pullrequest.base=" + mergeRequest.TargetBranch);
        }
        else if (settings.Branch is { } branch)
        {
            arguments.Add("/d:sonar.branch.name=" + branch.BranchName);
        }
        arguments.AddRange(settings.Properties.Select(p => $"/d:{p.Key}={p.Value}"));
        return arguments;
    }

    /// <summary>The scanner's arguments for <c>end</c> (without the tool prefix): the token must be given again.</summary>
    public static IReadOnlyList<string> EndArguments(SonarScannerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return string.IsNullOrEmpty(settings.Token) ? ["end"] : ["end", "/d:sonar.token=" + settings.Token];
    }

    /// <summary>The executable and full argument list that run the scanner with <paramref name="scannerArguments"/>.</summary>
    public static (string FileName, IReadOnlyList<string> Arguments) Command(SonarScannerSettings settings, IEnumerable<string> scannerArguments)
    {
        ArgumentNullException.ThrowIfNull(settings);
        IEnumerable<string> prefix = settings.Tool == SonarScannerTool.GlobalTool
            ? ["sonarscanner"]
            : ["tool", "run", "dotnet-sonarscanner", "--"];
        return (DotNetTasks.DotNetPath, prefix.Concat(scannerArguments).ToArray());
    }

    /// <summary>Runs <c>begin</c>.</summary>
    /// <exception cref="SonarQubeException">The scanner could not start, failed or timed out.</exception>
    public static Task<ProcessResult> BeginAsync(SonarScannerSettings settings, CancellationToken cancellationToken = default) =>
        RunAsync(settings, "begin", BeginArguments(settings), cancellationToken);

    /// <summary>Runs <c>end</c>; on success the scanner has written <see cref="ReportTask.PathIn"/> of the working directory.</summary>
    /// <exception cref="SonarQubeException">The scanner could not start, failed or timed out.</exception>
    public static Task<ProcessResult> EndAsync(SonarScannerSettings settings, CancellationToken cancellationToken = default) =>
        RunAsync(settings, "end", EndArguments(settings), cancellationToken);

    /// <summary>The command line as a person would type it, with the token replaced by <c>***</c>.</summary>
    public static string Display(SonarScannerSettings settings, IEnumerable<string> scannerArguments)
    {
        var (fileName, arguments) = Command(settings, scannerArguments);
        return Redact(ProcessRunner.Display(fileName, arguments), settings.Token);
    }

    private static async Task<ProcessResult> RunAsync(SonarScannerSettings settings, string step, IReadOnlyList<string> scannerArguments, CancellationToken cancellationToken)
    {
        var (fileName, arguments) = Command(settings, scannerArguments);
        var display = Display(settings, scannerArguments);
        var directory = settings.WorkingDirectory ?? Directory.GetCurrentDirectory();
        // The runner would print and report the raw command line, token included: this class does both itself.
        var options = new ProcessOptions
        {
            WorkingDirectory = directory,
            Timeout = settings.Timeout,
            LogOutput = settings.LogOutput,
            LogInvocation = false,
            AllowNonZeroExitCode = true,
        };
        Console.Out.WriteLine($"> {display}");
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync(fileName, arguments, options, cancellationToken).ConfigureAwait(false);
        }
        catch (ProcessException error)
        {
            // Not chained as the inner exception: its message holds the raw command line, token included.
            throw new SonarQubeException(
                $"The SonarQube scanner's '{step}' step did not finish: {Redact(error.Message, settings.Token)} "
                + Advice(settings, step, error.Result));
        }

        if (result.ExitCode != 0)
        {
            var tail = result.Output.TakeLast(20).Select(l => "  " + Redact(l.Text, settings.Token)).ToArray();
            throw new SonarQubeException(
                $"The SonarQube scanner's '{step}' step failed with exit code {result.ExitCode}: '{display}' in {directory}. "
                + Advice(settings, step, result)
                + (tail.Length == 0 ? " It printed nothing." : " Its last output:\n" + string.Join('\n', tail)));
        }
        return result;
    }

    private static string Advice(SonarScannerSettings settings, string step, ProcessResult? result)
    {
        var output = result is null ? "" : string.Join('\n', result.Output.Select(l => l.Text));
        if (settings.Tool == SonarScannerTool.LocalTool && output.Contains("dotnet tool restore", StringComparison.Ordinal))
            return "The scanner is not installed here: add dotnet-sonarscanner to .config/dotnet-tools.json ('dotnet tool install dotnet-sonarscanner') and run 'dotnet tool restore'.";
        if (output.Contains("Could not find a tool", StringComparison.Ordinal) || output.Contains("could not execute", StringComparison.OrdinalIgnoreCase))
            return "The scanner is not installed here: install it with 'dotnet tool install --global dotnet-sonarscanner' or use the local tool.";
        return step == "begin"
            ? $"Check --sonar-host-url ({settings.HostUrl}), --sonar-token and the project key '{settings.ProjectKey}' against the scanner's output."
            : "Run 'begin', the build and 'end' from the same directory, and check the scanner's output: it needs Java and the server's scanner engine.";
    }

    private static string Redact(string text, string? token) =>
        string.IsNullOrEmpty(token) ? text : text.Replace(token, Mask, StringComparison.Ordinal);

    [GeneratedRegex("^(?=.*[^0-9])[A-Za-z0-9_.:-]+$")]
    private static partial Regex ProjectKeyPattern();
}
