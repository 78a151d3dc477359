using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Idp.Pipelines.Tests.GitLab.Support;

/// <summary>Runs <c>gitlab-ci-local</c> (pinned 4.70.1, shell executor with per-job isolation) in a consumer repository.</summary>
internal static partial class GitLabCiLocal
{
    public const string PinnedVersion = "4.70.1";

    /// <summary>The run's exit code and its output with colour codes removed.</summary>
    public sealed record Run(int ExitCode, string Output);

    public static Run Pipeline(ConsumerRepository repository, params string[] arguments)
    {
        RequireTools();
        var start = new ProcessStartInfo("gitlab-ci-local")
        {
            WorkingDirectory = repository.Repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["--force-shell-executor", "--shell-isolation", "--no-color", "--home", Path.Combine(repository.Root, "home"), .. arguments])
            start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        // The machine's own CI variables must not leak into the simulated pipeline.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("CI_", StringComparison.Ordinal) || k is "CI" or "GITLAB_CI").ToList())
            start.Environment.Remove(name);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"gitlab-ci-local {string.Join(' ', arguments)} did not finish within 3 minutes in {repository.Repository}.");
        }
        return new Run(process.ExitCode, AnsiCode().Replace(stdout.Result + stderr.Result, ""));
    }

    private static void RequireTools()
    {
        var missing = new[] { "gitlab-ci-local", "rsync", "git" }.Where(t => !OnPath(t)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"{string.Join(" and ", missing)} not found on PATH; the GitLab pipeline tests run the templates in gitlab-ci-local@{PinnedVersion} " +
                "(npm) with its shell executor, which needs rsync (Debian). Run `./build.sh Prerequisites` (as root on Debian) to install them.");
        }
        var version = Capture("gitlab-ci-local", "--version").Trim();
        if (version != PinnedVersion)
        {
            throw new InvalidOperationException(
                $"gitlab-ci-local {version} is installed; these tests are pinned to {PinnedVersion}. " +
                $"Run `npm install --global gitlab-ci-local@{PinnedVersion}` (or `./build.sh Prerequisites`).");
        }
    }

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, command)));

    private static string Capture(string command, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo(command, argument) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    [GeneratedRegex(@"\u001b\[[0-9;]*[A-Za-z]")]
    private static partial Regex AnsiCode();
}
