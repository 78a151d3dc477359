using System.Globalization;
using Idp.Build.Processes;

namespace Idp.Build.Components.Dora;

/// <summary>The commits a deploy ships, and why the list may be shorter than expected.</summary>
/// <param name="Commits">Newest first, as <c>git log</c> lists them.</param>
/// <param name="Note">Set when only the head commit could be listed (first deploy, or previous SHA unknown here).</param>
public sealed record CommitRange(IReadOnlyList<CommitInfo> Commits, string? Note);

/// <summary>
/// Lists the commits in <c>previous..head</c> with their commit times from <c>git log</c>: the changes a deployment
/// ships that the previous deployment of the service in that environment did not.
/// </summary>
public static class GitCommitRange
{
    /// <summary>
    /// Lists the commits of <paramref name="head"/> not reachable from <paramref name="previousSha"/>. Without a
    /// previous deployment only the head commit is listed: attributing the whole history to a first ("seed")
    /// deployment would report years-long lead times.
    /// </summary>
    public static async Task<CommitRange> ListAsync(string repository, string head, string? previousSha, CancellationToken cancellationToken = default)
    {
        if (previousSha is null)
            return new CommitRange(await LogAsync(repository, ["-1", head], cancellationToken), "first deployment: only the head commit is counted");
        var known = await GitAsync(repository, ["cat-file", "-e", previousSha + "^{commit}"], allowFailure: true, cancellationToken);
        if (known.ExitCode != 0)
        {
            return new CommitRange(await LogAsync(repository, ["-1", head], cancellationToken),
                $"previous deployment's commit {previousSha} is not in this clone (shallow clone or rewritten history?); only the head commit is counted. " +
                "Fetch more history (GIT_DEPTH=0 in GitLab) to count every commit.");
        }
        return new CommitRange(await LogAsync(repository, [$"{previousSha}..{head}"], cancellationToken), null);
    }

    private static async Task<IReadOnlyList<CommitInfo>> LogAsync(string repository, string[] range, CancellationToken cancellationToken)
    {
        var result = await GitAsync(repository, ["log", "--format=%H%x09%cI", .. range], allowFailure: false, cancellationToken);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Select(parts => new CommitInfo(parts[0], DateTimeOffset.Parse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.None)))
            .ToList();
    }

    private static Task<ProcessResult> GitAsync(string repository, IEnumerable<string> arguments, bool allowFailure, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync("git", ["-C", repository, .. arguments], new ProcessOptions
        {
            LogOutput = false,
            LogInvocation = false,
            AllowNonZeroExitCode = allowFailure,
            Timeout = TimeSpan.FromMinutes(1),
        }, cancellationToken);
}
