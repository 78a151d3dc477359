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
        // The questions are independent once the commit is named, so git answers them side by side.
        var commit = ci.CommitSha ?? "HEAD";
        var sha = Task.Run(() => ci.CommitSha ?? Git(root, "rev-parse", "HEAD"));
        var timestamp = Task.Run(() => ci.CommitTimestamp
            ?? (DateTimeOffset.TryParse(Git(root, "log", "-1", "--format=%cI", commit), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null));
        var branch = Task.Run(() => ci.Branch ?? (Git(root, "rev-parse", "--abbrev-ref", "HEAD") is { } name && name != "HEAD" ? name : null));
        var describe = Task.Run(() => Git(root, "describe", "--tags", "--match", "v[0-9]*", "--long", commit));
        var count = Task.Run(() => int.TryParse(Git(root, "rev-list", "--count", commit), out var n) ? n : 0);
        var remote = Task.Run(() => WithoutCredentials(Git(root, "config", "--get", "remote.origin.url")));
        Task.WaitAll(sha, timestamp, branch, describe, count, remote);
        if (sha.Result is not { } commitSha)
            return new GitRepository(null, ci.CommitTimestamp, ci.Branch, GitVersion.FromDescribe(null, 0, null), remote.Result);
        return new GitRepository(commitSha, timestamp.Result, branch.Result,
            GitVersion.FromDescribe(describe.Result, count.Result, commitSha[..Math.Min(8, commitSha.Length)]), remote.Result);
    }

    // A CI checkout's remote carries the job token (https://gitlab-ci-token:<token>@host/…); it is never kept.
    private static string? WithoutCredentials(string? remoteUrl)
    {
        if (remoteUrl is null || !Uri.TryCreate(remoteUrl, UriKind.Absolute, out var uri) || uri.UserInfo.Length == 0)
            return remoteUrl;
        return new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString();
    }

    private static string? Git(AbsolutePath root, params string[] arguments)
    {
        try
        {
            var result = ProcessRunner.Run("git", arguments, new ProcessOptions
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
