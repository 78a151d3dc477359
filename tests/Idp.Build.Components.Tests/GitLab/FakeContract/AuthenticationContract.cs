using Idp.Testing.GitLab;

namespace Idp.Build.Components.Tests.GitLab.FakeContract;

/// <summary>The fake authenticates as GitLab does, including the job token's allowlist (api-contracts.md §4.1).</summary>
public class AuthenticationContract : FakeGitLabScope
{
    [Fact]
    public async Task Wrong_token_is_401_unauthorized()
    {
        using var raw = new RawGitLab(GitLab.ApiUrl, token: "glpat-wrong");

        var (status, body, _) = await raw.SendAsync(HttpMethod.Get, "/projects/42/environments");

        status.ShouldBe(401);
        body.GetProperty("message").GetString().ShouldBe("401 Unauthorized");
    }

    [Fact]
    public async Task Job_token_cannot_post_statuses_or_notes()
    {
        using var raw = new RawGitLab(GitLab.ApiUrl, "JOB-TOKEN", FakeGitLab.JobToken);

        var (statuses, _, _) = await raw.SendAsync(HttpMethod.Post, $"/projects/42/statuses/{Sha}", new { state = "pending" });
        var (notes, _, _) = await raw.SendAsync(HttpMethod.Post, $"/projects/42/merge_requests/{MergeRequestIid}/notes", new { body = "x" });

        statuses.ShouldBe(401);
        notes.ShouldBe(401);
        Project.Statuses.ShouldBeEmpty();
    }

    [Fact]
    public async Task Job_token_reaches_deployments_and_environments()
    {
        using var raw = new RawGitLab(GitLab.ApiUrl, "JOB-TOKEN", FakeGitLab.JobToken);

        var (status, _, _) = await raw.SendAsync(HttpMethod.Get, "/projects/42/environments");

        status.ShouldBe(200);
    }

    [Fact]
    public async Task Unknown_project_is_404_project_not_found()
    {
        using var raw = new RawGitLab(GitLab.ApiUrl);

        var (status, body, _) = await raw.SendAsync(HttpMethod.Get, "/projects/other%2Fproject/environments");

        status.ShouldBe(404);
        body.GetProperty("message").GetString().ShouldBe("404 Project Not Found");
    }
}
