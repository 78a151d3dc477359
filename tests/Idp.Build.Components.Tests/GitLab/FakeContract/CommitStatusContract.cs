using Idp.Testing.GitLab;

namespace Idp.Build.Components.Tests.GitLab.FakeContract;

/// <summary>The fake answers the commit-status API as api-contracts.md §4.2 documents it.</summary>
public class CommitStatusContract : FakeGitLabScope
{
    [Fact]
    public async Task Posting_a_state_answers_201_with_the_status_fields()
    {
        using var raw = new RawGitLab(GitLab.ApiUrl);

        var (status, body, _) = await raw.SendAsync(HttpMethod.Post, $"/projects/42/statuses/{Sha}", new { state = "running", name = "idp/Test", @ref = "main", target_url = "https://ci/1" });

        status.ShouldBe(201);
        body.GetProperty("status").GetString().ShouldBe("running");
        body.GetProperty("name").GetString().ShouldBe("idp/Test");
        body.GetProperty("sha").GetString().ShouldBe(Sha);
        body.GetProperty("target_url").GetString().ShouldBe("https://ci/1");
        body.GetProperty("allow_failure").GetBoolean().ShouldBeFalse();
        body.TryGetProperty("author", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Reposting_the_current_state_is_refused_with_cannot_transition()
    {
        using var raw = new RawGitLab(GitLab.ApiUrl);
        await raw.SendAsync(HttpMethod.Post, $"/projects/42/statuses/{Sha}", new { state = "running", name = "idp/Test" });

        var (status, body, _) = await raw.SendAsync(HttpMethod.Post, $"/projects/42/statuses/{Sha}", new { state = "running", name = "idp/Test" });

        status.ShouldBe(400);
        body.GetProperty("message").GetString().ShouldBe("Cannot transition status via :run from :running (Reason(s): Status cannot transition via \"run\")");
    }

    [Fact]
    public async Task A_finished_status_is_followed_by_a_new_status_for_the_same_name()
    {
        using var raw = new RawGitLab(GitLab.ApiUrl);
        await raw.SendAsync(HttpMethod.Post, $"/projects/42/statuses/{Sha}", new { state = "success", name = "idp/Test" });

        var (status, _, _) = await raw.SendAsync(HttpMethod.Post, $"/projects/42/statuses/{Sha}", new { state = "pending", name = "idp/Test" });

        status.ShouldBe(201);
        Project.Statuses.Select(s => s.Status).ShouldBe(["success", "pending"]);
    }

    [Theory]
    [InlineData("pending", "skipped", 201)]
    [InlineData("running", "skipped", 400)]
    [InlineData("running", "pending", 400)]
    [InlineData("pending", "failed", 201)]
    public async Task Transitions_follow_the_state_machine(string first, string second, int expected)
    {
        using var raw = new RawGitLab(GitLab.ApiUrl);
        await raw.SendAsync(HttpMethod.Post, $"/projects/42/statuses/{Sha}", new { state = first, name = "idp/Deploy" });

        var (status, _, _) = await raw.SendAsync(HttpMethod.Post, $"/projects/42/statuses/{Sha}", new { state = second, name = "idp/Deploy" });

        status.ShouldBe(expected);
    }

    [Fact]
    public async Task Unknown_commit_is_404_commit_not_found()
    {
        using var raw = new RawGitLab(GitLab.ApiUrl);

        var (status, body, _) = await raw.SendAsync(HttpMethod.Post, "/projects/42/statuses/0000000", new { state = "pending" });

        status.ShouldBe(404);
        body.GetProperty("message").GetString().ShouldBe("404 Commit Not Found");
    }

    [Fact]
    public async Task Missing_state_is_400_state_is_missing()
    {
        using var raw = new RawGitLab(GitLab.ApiUrl);

        var (status, body, _) = await raw.SendAsync(HttpMethod.Post, $"/projects/42/statuses/{Sha}", new { name = "x" });

        status.ShouldBe(400);
        body.GetProperty("error").GetString().ShouldBe("state is missing");
    }

    [Fact]
    public async Task Url_encoded_project_path_and_form_parameters_are_accepted_and_name_defaults_to_default()
    {
        using var raw = new RawGitLab(GitLab.ApiUrl);

        var (status, body, _) = await raw.SendAsync(HttpMethod.Post, $"/projects/platform%2Forders/statuses/{Sha}", form: new Dictionary<string, string> { ["state"] = "pending" });

        status.ShouldBe(201);
        body.GetProperty("name").GetString().ShouldBe("default");
    }

    [Fact]
    public async Task Listing_returns_the_commit_statuses()
    {
        using var raw = new RawGitLab(GitLab.ApiUrl, "Authorization");
        await raw.SendAsync(HttpMethod.Post, $"/projects/42/statuses/{Sha}?state=pending&name=idp/Test");

        var (status, body, _) = await raw.SendAsync(HttpMethod.Get, $"/projects/42/repository/commits/{Sha}/statuses");

        status.ShouldBe(200);
        body.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldBe(["idp/Test"]);
    }
}
