using System.Globalization;
using System.Runtime.CompilerServices;
using Idp.Build;
using Idp.Build.Processes;

namespace Idp.Build.Components.Repository;

/// <summary>The commit being built: SHA, timestamp and branch from the CI host where it says, else from <c>git</c>; the version from tags; the origin remote.</summary>
public interface IHazGitRepository : IBuild
{
    // Interfaces hold no state; one read per build instance is kept here, and dies with the build.
    private static readonly ConditionalWeakTable<IBuild, GitRepository> Cache = [];

    GitRepository GitRepository => Cache.GetValue(this, build => Read(build.RootDirectory, build.Host.Ci));

    private static GitRepository Read(AbsolutePath root, CiVariables ci)
    {
        // The questions are independent once the commit is named, so git answers them side by side: five processes
        // at once, waited for without holding a thread each (blocked threads would make the pool start them in turn).
        var commit = ci.CommitSha ?? "HEAD";
        var shaAndTime = ci.CommitSha is null || ci.CommitTimestamp is null ? GitAsync(root, "log", "-1", "--format=%H%n%cI", commit) : Task.FromResult<string?>(null);
        var branch = ci.Branch is null ? GitAsync(root, "rev-parse", "--abbrev-ref", "HEAD") : Task.FromResult<string?>(null);
        var describe = GitAsync(root, "describe", "--tags", "--match", "v[0-9]*", "--long", commit);
        var count = GitAsync(root, "rev-list", "--count", commit);
        var remote = GitAsync(root, "config", "--get", "remote.origin.url");
        Task.WhenAll(shaAndTime, branch, describe, count, remote).GetAwaiter().GetResult();

        var (loggedSha, loggedTime) = shaAndTime.Result?.Split('\n', StringSplitOptions.TrimEntries) is [var sha, var time] ? (sha, time) : (null, null);
        var commitSha = ci.CommitSha ?? loggedSha;
        var committedAt = ci.CommitTimestamp
            ?? (DateTimeOffset.TryParse(loggedTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null);
        var branchName = ci.Branch ?? (branch.Result is { } name && name != "HEAD" ? name : null);
        var commits = int.TryParse(count.Result, out var n) ? n : 0;
        if (commitSha is null)
            return new GitRepository(null, ci.CommitTimestamp, ci.Branch, GitVersion.FromDescribe(null, 0, null), WithoutCredentials(remote.Result));
        return new GitRepository(commitSha, committedAt, branchName,
            GitVersion.FromDescribe(describe.Result, commits, commitSha[..Math.Min(8, commitSha.Length)]), WithoutCredentials(remote.Result));
    }

    // A CI checkout's remote carries the job token (https://gitlab-ci-token:<token>@host/…); it is never kept.
    private static string? WithoutCredentials(string? remoteUrl)
    {
        if (remoteUrl is null || !Uri.TryCreate(remoteUrl, UriKind.Absolute, out var uri) || uri.UserInfo.Length == 0)
            return remoteUrl;
        return new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString();
    }

    private static async Task<string?> GitAsync(AbsolutePath root, params string[] arguments)
    {
        try
        {
            var result = await ProcessRunner.RunAsync("git", arguments, new ProcessOptions
            {
                WorkingDirectory = root,
                LogOutput = false,
                LogInvocation = false,
                AllowNonZeroExitCode = true,
                Timeout = TimeSpan.FromSeconds(30),
            });
            return result.ExitCode == 0 && result.StandardOutput.Trim() is { Length: > 0 } output ? output : null;
        }
        catch (ProcessException)
        {
            return null; // git is not installed: the build still works, without commit information.
        }
    }
}
