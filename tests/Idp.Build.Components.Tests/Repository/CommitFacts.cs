using Idp.Build.Components.Repository;
using Idp.Build.Execution;
using Idp.Build.Processes;

namespace Idp.Build.Components.Tests.Repository;

/// <summary>What a build on a developer's machine learns from git about the commit it builds, all read in one go.</summary>
public sealed class CommitFacts : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("idp-git-facts-");

    public sealed class FactsBuild : IdpBuild, IHazGitRepository
    {
        Target Facts => _ => _.Executes(() =>
        {
            var git = ((IHazGitRepository)this).GitRepository;
            Log.Information($"sha={git.CommitSha} at={git.CommitTimestamp:O} branch={git.Branch} version={git.Version} remote={git.RemoteUrl}");
        });
    }

    public CommitFacts()
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, ".nuke"));
        Git("init", "-q", "-b", "feature/facts");
        Git("remote", "add", "origin", "https://gitlab-ci-token:secret-job-token@git.example.internal/platform/orders.git");
    }

    [Fact]
    public void Sha_time_branch_remote_and_the_version_from_the_last_tag_come_from_git()
    {
        Commit("first", "2026-11-20T10:00:00+01:00");
        Git("tag", "v1.4.0");
        Commit("second", "2026-11-21T10:00:00+01:00");
        Commit("third", "2026-11-22T10:00:00+01:00");
        var sha = Git("rev-parse", "HEAD");

        var output = Run();

        output.ShouldContain($"sha={sha} at=2026-11-22T10:00:00.0000000+01:00 branch=feature/facts version=1.4.1-ci.2+{sha[..7]}");
        output.ShouldContain("remote=https://git.example.internal/platform/orders.git");
        output.ShouldNotContain("secret-job-token");
    }

    [Fact]
    public void Without_a_tag_the_version_counts_every_commit()
    {
        Commit("first", "2026-11-20T10:00:00+01:00");
        Commit("second", "2026-11-21T10:00:00+01:00");
        var sha = Git("rev-parse", "HEAD");

        Run().ShouldContain($"version=0.1.0-ci.2+{sha[..8]}");
    }

    public void Dispose() => _root.Delete(recursive: true);

    private string Run()
    {
        var output = new StringWriter();
        var exitCode = BuildRunner.Run(new FactsBuild(), new RunEnvironment(["Facts"], new Dictionary<string, string>(), _root.FullName, _root.FullName, output, output, OwnsConsole: false), []);
        exitCode.ShouldBe(0, output.ToString());
        return output.ToString();
    }

    private void Commit(string file, string at)
    {
        File.WriteAllText(Path.Combine(_root.FullName, file), file);
        Git("add", file);
        ProcessRunner.Run("git", ["-c", "user.name=Dev", "-c", "user.email=dev@example.internal", "commit", "-q", "-m", file],
            new ProcessOptions { WorkingDirectory = _root.FullName, LogOutput = false, LogInvocation = false, Environment = new Dictionary<string, string?> { ["GIT_COMMITTER_DATE"] = at, ["GIT_AUTHOR_DATE"] = at } });
    }

    private string Git(params string[] arguments) =>
        ProcessRunner.Run("git", arguments, new ProcessOptions { WorkingDirectory = _root.FullName, LogOutput = false, LogInvocation = false }).StandardOutput.Trim();
}
