using Idp.Build.Components.Dora;
using Idp.Build.Processes;

namespace Idp.Build.Components.Tests.Dora;

public sealed class CommitRangeFromGit : IDisposable
{
    private readonly string _repository = Directory.CreateTempSubdirectory("idp-git-").FullName;

    public CommitRangeFromGit() => Git("init", "-q", "-b", "main");

    [Fact]
    public async Task Lists_commits_after_the_previous_deploy_with_their_commit_times()
    {
        var first = Commit("one", "2024-03-05T08:00:00+00:00");
        var second = Commit("two", "2024-03-05T09:30:00+02:00");
        var third = Commit("three", "2024-03-05T10:00:00Z");

        var range = await GitCommitRange.ListAsync(_repository, "HEAD", previousSha: first);

        range.Note.ShouldBeNull();
        range.Commits.Select(c => c.Sha).ShouldBe([third, second]);
        range.Commits[1].Timestamp.ShouldBe(DateTimeOffset.Parse("2024-03-05T07:30:00Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task First_deploy_counts_only_the_head_commit()
    {
        Commit("old", "2020-01-01T00:00:00Z");
        var head = Commit("new", "2024-03-05T10:00:00Z");

        var range = await GitCommitRange.ListAsync(_repository, "HEAD", previousSha: null);

        range.Commits.Select(c => c.Sha).ShouldBe([head]);
        range.Note.ShouldNotBeNull().ShouldContain("first deployment");
    }

    [Fact]
    public async Task Unknown_previous_commit_falls_back_to_the_head_and_says_why()
    {
        var head = Commit("only", "2024-03-05T10:00:00Z");

        var range = await GitCommitRange.ListAsync(_repository, "HEAD", previousSha: new string('d', 40));

        range.Commits.Select(c => c.Sha).ShouldBe([head]);
        range.Note.ShouldNotBeNull().ShouldContain("not in this clone");
    }

    public void Dispose() => Directory.Delete(_repository, recursive: true);

    private string Commit(string name, string date)
    {
        File.WriteAllText(Path.Combine(_repository, name + ".txt"), name);
        Git("add", ".");
        ProcessRunner.Run("git", ["-C", _repository, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", name],
            new ProcessOptions { LogOutput = false, LogInvocation = false, Environment = new Dictionary<string, string?> { ["GIT_COMMITTER_DATE"] = date, ["GIT_AUTHOR_DATE"] = date } });
        return Git("rev-parse", "HEAD").Trim();
    }

    private string Git(params string[] arguments) =>
        ProcessRunner.Run("git", ["-C", _repository, .. arguments], new ProcessOptions { LogOutput = false, LogInvocation = false }).StandardOutput;
}
