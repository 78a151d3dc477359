namespace Idp.Build.Components.Tests.GitLab.FakeContract;

/// <summary>The fake records environments and deployments as api-contracts.md §4.4 documents them.</summary>
public class DeploymentContract : FakeGitLabScope
{
    [Fact]
    public async Task Creating_a_deployment_creates_its_environment_and_answers_201()
    {
        using var raw = new RawGitLab(GitLab.ApiUrl);

        var (status, body, _) = await raw.SendAsync(HttpMethod.Post, "/projects/42/deployments", new { environment = "production", sha = Sha, @ref = "main", tag = false, status = "running" });

        status.ShouldBe(201);
        body.GetProperty("status").GetString().ShouldBe("running");
        body.GetProperty("iid").GetInt64().ShouldBe(1);
        body.GetProperty("environment").GetProperty("name").GetString().ShouldBe("production");
        Project.Environments.Select(e => e.Name).ShouldBe(["production"]);
    }

    [Fact]
    public async Task Deployment_without_a_required_field_is_400()
    {
        using var raw = new RawGitLab(GitLab.ApiUrl);

        var (status, body, _) = await raw.SendAsync(HttpMethod.Post, "/projects/42/deployments", new { environment = "production", sha = Sha, tag = false, status = "running" });

        status.ShouldBe(400);
        body.GetProperty("error").GetString().ShouldBe("ref is missing");
    }

    [Fact]
    public async Task Updating_a_deployment_sets_its_status()
    {
        using var raw = new RawGitLab(GitLab.ApiUrl);
        var (_, created, _) = await raw.SendAsync(HttpMethod.Post, "/projects/42/deployments", new { environment = "dev", sha = Sha, @ref = "main", tag = false, status = "running" });

        var (status, body, _) = await raw.SendAsync(HttpMethod.Put, $"/projects/42/deployments/{created.GetProperty("id").GetInt64()}", new { status = "success" });

        status.ShouldBe(200);
        body.GetProperty("status").GetString().ShouldBe("success");
    }

    [Fact]
    public async Task Environment_names_are_unique_filterable_and_stoppable()
    {
        using var raw = new RawGitLab(GitLab.ApiUrl);
        var (created, environment, _) = await raw.SendAsync(HttpMethod.Post, "/projects/42/environments", new { name = "staging", external_url = "https://staging", tier = "staging" });
        await raw.SendAsync(HttpMethod.Post, "/projects/42/environments", new { name = "dev" });

        var (duplicate, error, _) = await raw.SendAsync(HttpMethod.Post, "/projects/42/environments", new { name = "staging" });
        var (_, filtered, _) = await raw.SendAsync(HttpMethod.Get, "/projects/42/environments?name=staging");
        var (_, stopped, _) = await raw.SendAsync(HttpMethod.Post, $"/projects/42/environments/{environment.GetProperty("id").GetInt64()}/stop");

        created.ShouldBe(201);
        environment.GetProperty("tier").GetString().ShouldBe("staging");
        duplicate.ShouldBe(400);
        error.GetProperty("message").GetProperty("name")[0].GetString().ShouldBe("has already been taken");
        filtered.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ShouldBe(["staging"]);
        stopped.GetProperty("state").GetString().ShouldBe("stopped");
    }
}
