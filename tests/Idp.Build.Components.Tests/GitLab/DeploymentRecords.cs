using Idp.Build.Components.GitLab;

namespace Idp.Build.Components.Tests.GitLab;

/// <summary>Deploys GitLab does not run itself (Jenkins, a terminal) are recorded so its environments stay true.</summary>
public class DeploymentRecords : FakeGitLabScope
{
    [Fact]
    public async Task Running_then_success_is_one_deployment_on_an_environment_with_url_and_tier()
    {
        using var reporter = Reporter();

        await reporter.ReportDeploymentAsync("production", DeploymentStatus.Running, "https://orders.apps.example", EnvironmentTier.Production);
        await reporter.ReportDeploymentAsync("production", DeploymentStatus.Success, "https://orders.apps.example", EnvironmentTier.Production);

        var deployment = Project.Deployments.ShouldHaveSingleItem();
        deployment.Status.ShouldBe("success");
        deployment.Sha.ShouldBe(Sha);
        deployment.Ref.ShouldBe("main");
        var environment = Project.Environments.ShouldHaveSingleItem();
        environment.Name.ShouldBe("production");
        environment.ExternalUrl.ShouldBe("https://orders.apps.example");
        environment.Tier.ShouldBe("production");
        Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Existing_environment_gets_its_url_and_tier_updated()
    {
        Project.Environments.Add(new Idp.Testing.GitLab.FakeEnvironment { Id = 900, Name = "staging", ExternalUrl = "https://old", Tier = "other" });
        using var reporter = Reporter();

        await reporter.ReportDeploymentAsync("staging", DeploymentStatus.Running, "https://new", EnvironmentTier.Staging);

        var environment = Project.Environments.ShouldHaveSingleItem();
        environment.ExternalUrl.ShouldBe("https://new");
        environment.Tier.ShouldBe("staging");
    }

    [Fact]
    public async Task Final_status_without_a_start_creates_a_finished_deployment()
    {
        using var reporter = Reporter();

        await reporter.ReportDeploymentAsync("dev", DeploymentStatus.Failed, tier: EnvironmentTier.Development);

        Project.Deployments.ShouldHaveSingleItem().Status.ShouldBe("failed");
    }

    [Fact]
    public async Task Inside_a_GitLab_job_with_an_environment_nothing_is_recorded()
    {
        using var reporter = Reporter(Settings(jobRecordsDeployments: true));

        await reporter.ReportDeploymentAsync("production", DeploymentStatus.Running, "https://orders.apps.example", EnvironmentTier.Production);

        GitLab.Requests.ShouldBeEmpty();
    }
}
