using Idp.Build.Components.GitLab;
using Idp.Testing.GitLab;

namespace Idp.Build.Components.Tests.GitLab;

/// <summary>The client waits out rate limits and transient server errors, and gives up with a clear message.</summary>
public class Retries : FakeGitLabScope
{
    [Fact]
    public async Task Rate_limit_is_waited_out_for_the_time_GitLab_asks()
    {
        GitLab.RateLimitNext(2, retryAfterSeconds: 3);
        using var client = Client();

        var status = await client.SetCommitStatusAsync(ProjectPath, Sha, CommitState.Pending, "idp/Test");

        status.ShouldNotBeNull().Status.ShouldBe("pending");
        Delays.ShouldBe([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)]);
        GitLab.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_doubling_backoff()
    {
        GitLab.FailNext(2, 502);
        using var client = Client();

        var note = await client.CreateMergeRequestNoteAsync(ProjectPath, MergeRequestIid, "hello");

        note.Body.ShouldBe("hello");
        Delays.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)]);
    }

    [Fact]
    public async Task Persistent_server_error_fails_after_the_last_attempt_naming_the_request()
    {
        GitLab.FailNext(10, 503);
        using var client = Client();

        var error = await Should.ThrowAsync<GitLabApiException>(() => client.FindEnvironmentAsync(ProjectPath, "production"));

        error.StatusCode.ShouldBe(System.Net.HttpStatusCode.ServiceUnavailable);
        error.Message.ShouldContain("GET /projects/platform%2Forders/environments");
        error.Message.ShouldContain("GitLab itself failed after the retries");
        GitLab.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Retry_after_longer_than_the_limit_fails_at_once()
    {
        GitLab.RateLimitNext(1, retryAfterSeconds: 3600);
        using var client = Client();

        var error = await Should.ThrowAsync<GitLabApiException>(() => client.FindEnvironmentAsync(ProjectPath, "production"));

        error.StatusCode.ShouldBe(System.Net.HttpStatusCode.TooManyRequests);
        Delays.ShouldBeEmpty();
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        using var client = Client(token: "glpat-wrong");

        var error = await Should.ThrowAsync<GitLabApiException>(() => client.FindEnvironmentAsync(ProjectPath, "production"));

        error.StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        error.Message.ShouldContain("--gitlab-token");
        GitLab.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public void Token_must_be_given_to_build_a_client()
    {
        Should.Throw<ArgumentException>(() => new GitLabClient(GitLab.ApiUrl, " "));
        Should.Throw<ArgumentException>(() => new GitLabClient(new Uri("ftp://gitlab.example"), FakeGitLab.AccessToken)).Message.ShouldContain("--gitlab-url");
    }
}

/// <summary>When GitLab cannot be reached at all, the reporter warns once and stops trying for the rest of the run.</summary>
public class UnreachableGitLab : FakeGitLabScope
{
    [Fact]
    public async Task Unreachable_GitLab_is_retried_once_per_run_and_then_left_alone()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        using var reporter = Reporter(Settings() with { ApiUrl = "http://127.0.0.1:1/api/v4" });

        await reporter.ReportStageAsync("Test", CommitState.Running);
        await reporter.ReportStageAsync("Test", CommitState.Success);

        Warnings.ShouldHaveSingleItem().ShouldContain("without further GitLab reporting");
        Delays.Count.ShouldBe(3, "three backoffs for the first event's four attempts, none for the second event");
    }
}
