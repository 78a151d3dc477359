using Idp.Build.Components.GitLab;

namespace Idp.Build.Components.Tests.GitLab;

/// <summary>Each golden-path stage shows on the commit as the status idp/&lt;target&gt;.</summary>
public class StageStatuses : FakeGitLabScope
{
    [Fact]
    public async Task Stage_moves_through_pending_running_success_as_one_status()
    {
        using var reporter = Reporter();

        await reporter.ReportStageAsync("Test", CommitState.Pending);
        await reporter.ReportStageAsync("Test", CommitState.Running);
        await reporter.ReportStageAsync("Test", CommitState.Success, "3 passed, 0 failed");

        var status = Project.Statuses.ShouldHaveSingleItem();
        status.Name.ShouldBe("idp/Test");
        status.Status.ShouldBe("success");
        status.Ref.ShouldBe("main");
        status.Description.ShouldBe("3 passed, 0 failed");
        status.TargetUrl.ShouldBe("https://jenkins.example.internal/job/orders/12/");
        Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Repeating_a_state_is_taken_as_done_without_a_warning()
    {
        using var reporter = Reporter();

        await reporter.ReportStageAsync("SonarGate", CommitState.Running);
        await reporter.ReportStageAsync("SonarGate", CommitState.Running);

        Project.Statuses.ShouldHaveSingleItem().Status.ShouldBe("running");
        Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Client_returns_null_for_cannot_transition_and_throws_for_other_refusals()
    {
        using var client = Client();
        await client.SetCommitStatusAsync(ProjectPath, Sha, CommitState.Running, "idp/Deploy");

        var repeated = await client.SetCommitStatusAsync(ProjectPath, Sha, CommitState.Running, "idp/Deploy");
        var unknownCommit = await Should.ThrowAsync<GitLabApiException>(() => client.SetCommitStatusAsync(ProjectPath, "0000000", CommitState.Running, "idp/Deploy"));

        repeated.ShouldBeNull();
        unknownCommit.Message.ShouldContain("404");
        unknownCommit.Message.ShouldContain("404 Commit Not Found");
        unknownCommit.Message.ShouldContain("commit SHA");
    }

    [Fact]
    public async Task Failures_become_warnings_that_say_what_to_do_and_the_build_goes_on()
    {
        using var reporter = Reporter(Settings() with { Token = Idp.Testing.GitLab.FakeGitLab.JobToken });

        await reporter.ReportStageAsync("Test", CommitState.Running);

        var warning = Warnings.ShouldHaveSingleItem();
        warning.ShouldContain("idp/Test");
        warning.ShouldContain("401");
        warning.ShouldContain("CI_JOB_TOKEN cannot post commit statuses");
    }

    [Fact]
    public async Task Statuses_of_a_commit_are_listed_across_pages()
    {
        using var client = Client();
        for (var i = 0; i < 130; i++)
            await client.SetCommitStatusAsync(ProjectPath, Sha, CommitState.Success, $"idp/Target{i}");

        var listed = new List<CommitStatus>();
        await foreach (var status in client.ListCommitStatusesAsync(ProjectPath, Sha))
            listed.Add(status);

        listed.Count.ShouldBe(130);
        GitLab.Requests.Count(r => r.StartsWith("GET", StringComparison.Ordinal)).ShouldBe(2, "100 per page");
    }
}
