using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Idp.Pipelines.Tests.GitLab.Support;

namespace Idp.Pipelines.Tests.GitLab;

/// <summary>
/// The templates run for real in gitlab-ci-local on a throwaway consumer repository whose <c>build.sh</c> is a stub
/// that records each call and writes the artifacts its target declares.
/// </summary>
public class PipelineRuns
{
    [Fact]
    public void Default_branch_runs_test_gate_image_and_automatic_deploys_in_stage_order()
    {
        using var repository = new ConsumerRepository(LocalInclude.Of("include-project.gitlab-ci.yml"));

        var run = GitLabCiLocal.Pipeline(repository);

        run.ExitCode.ShouldBe(0, run.Output);
        repository.BuildCalls.ShouldBe(
        [
            "test: Test",
            "sonar-gate: SonarGate",
            "docker-image: DockerBuild Push",
            "deploy-dev: Deploy --environment dev",
            "deploy-staging: Deploy --environment staging",
        ], run.Output);
        run.Output.ShouldContain("87.5% coverage", customMessage: "the coverage: regex should read the build's Tests: line");
    }

    [Fact]
    public void Production_deploy_is_manual_and_runs_when_triggered_with_the_image_digest()
    {
        using var repository = new ConsumerRepository(LocalInclude.Of("include-project.gitlab-ci.yml"));

        var listed = GitLabCiLocal.Pipeline(repository, "--list");
        var run = GitLabCiLocal.Pipeline(repository, "--manual", "deploy-production");

        listed.Output.ShouldMatch(@"deploy-production\s+production\s+manual");
        run.ExitCode.ShouldBe(0, run.Output);
        repository.BuildCalls.ShouldContain("deploy-production: Deploy --environment production");
        run.Output.ShouldContain("stub build.sh Deploy --environment production digest=sha256:0123456789abcdef environment=production");
        run.Output.ShouldContain("deploy-production environment: { name: production");
    }

    [Fact]
    public void Image_digest_travels_from_the_image_job_to_every_deploy_through_the_dotenv_report()
    {
        using var repository = new ConsumerRepository(LocalInclude.Of("include-project.gitlab-ci.yml"));

        var run = GitLabCiLocal.Pipeline(repository);

        run.ExitCode.ShouldBe(0, run.Output);
        repository.Artifact("docker-image", ".gitlab-ci-reports/dotenv/./artifacts/image.env")
            .ShouldNotBeNull().ShouldContain("IMAGE_DIGEST=sha256:0123456789abcdef");
        run.Output.ShouldContain("stub build.sh Deploy --environment dev digest=sha256:0123456789abcdef environment=dev");
        run.Output.ShouldContain("stub build.sh Deploy --environment staging digest=sha256:0123456789abcdef environment=staging");
        run.Output.ShouldContain("stub build.sh DockerBuild Push digest=none", customMessage: "the digest must come from the image job, not exist before it");
    }

    [Fact]
    public void Jobs_keep_their_declared_artifacts()
    {
        using var repository = new ConsumerRepository(LocalInclude.Of("include-project.gitlab-ci.yml"));

        var run = GitLabCiLocal.Pipeline(repository);

        run.ExitCode.ShouldBe(0, run.Output);
        repository.Artifact("test", "artifacts/test-results/stub.xml").ShouldNotBeNull();
        repository.Artifact("test", "artifacts/coverage/stub.cobertura.xml").ShouldNotBeNull();
        repository.Artifact("sonar-gate", "artifacts/gl-code-quality-report.json").ShouldNotBeNull();
        repository.Artifact("deploy-dev", "artifacts/deploy.env").ShouldNotBeNull().ShouldContain("DEPLOY_URL=https://svc-dev.apps.example");
    }

    [Fact]
    public void Deploy_jobs_declare_environment_tier_resource_group_and_vault_id_token()
    {
        using var repository = new ConsumerRepository(LocalInclude.Of("component.gitlab-ci.yml"));

        var run = GitLabCiLocal.Pipeline(repository, "--manual", "deploy-production");
        var expanded = repository.ExpandedConfiguration;

        run.ExitCode.ShouldBe(0, run.Output);
        foreach (var (environment, tier) in new[] { ("dev", "development"), ("staging", "staging"), ("production", "production") })
        {
            run.Output.ShouldContain($"deploy-{environment} environment: {{ name: {environment}");
            expanded.ShouldMatch($@"deploy-{environment}:[\s\S]*?environment:\s+name: {environment}\s+url: \$DEPLOY_URL\s+deployment_tier: {tier}");
            expanded.ShouldMatch($@"deploy-{environment}:[\s\S]*?resource_group: {environment}");
        }
        expanded.ShouldMatch(@"deploy-production:[\s\S]*?id_tokens:\s+VAULT_ID_TOKEN:\s+aud: \$IDP_VAULT_ADDR");
        expanded.ShouldContain("IDP_VAULT_ADDR: https://vault.example.internal");
    }

    [Fact]
    public void A_newer_pipeline_may_cancel_the_jobs_up_to_the_image_but_never_a_deploy()
    {
        using var repository = new ConsumerRepository(LocalInclude.Of("include-project.gitlab-ci.yml"));

        var listed = GitLabCiLocal.Pipeline(repository, "--list");
        var jobs = (JsonObject)YamlToJson.Documents(repository.ExpandedConfiguration)[0]!;

        listed.ExitCode.ShouldBe(0, listed.Output);
        foreach (var job in (string[])["test", "sonar-gate", "docker-image"])
            (jobs[job]?["interruptible"]?.GetValue<bool>()).ShouldBe(true, $"{job} should be interruptible");
        foreach (var job in (string[])["deploy-dev", "deploy-staging", "deploy-production"])
            (jobs[job]?["interruptible"]?.GetValue<bool>() ?? false).ShouldBeFalse($"{job} must run to its end once started");
    }

    [Fact]
    public void Deploy_freeze_removes_the_production_job()
    {
        using var repository = new ConsumerRepository(LocalInclude.Of("include-project.gitlab-ci.yml"));

        var run = GitLabCiLocal.Pipeline(repository, "--list", "--variable", "CI_DEPLOY_FREEZE=true");

        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldContain("deploy-staging");
        run.Output.ShouldNotContain("deploy-production");
    }

    [Fact]
    public void Feature_branch_runs_only_the_test_and_the_quality_gate()
    {
        using var repository = new ConsumerRepository(LocalInclude.Of("include-project.gitlab-ci.yml"), branch: "feature/x");

        var run = GitLabCiLocal.Pipeline(repository);

        run.ExitCode.ShouldBe(0, run.Output);
        repository.BuildCalls.ShouldBe(["test: Test", "sonar-gate: SonarGate"], run.Output);
    }

    [Fact]
    public void Component_inputs_choose_the_service_directory_and_switch_the_quality_gate_off()
    {
        using var repository = new ConsumerRepository(LocalInclude.Of("component-monorepo.gitlab-ci.yml"), serviceDirectory: "services/orders");

        var run = GitLabCiLocal.Pipeline(repository);

        run.ExitCode.ShouldBe(0, run.Output);
        repository.BuildCalls.ShouldBe(
        [
            "test: Test",
            "docker-image: DockerBuild Push",
            "deploy-dev: Deploy --environment dev",
            "deploy-staging: Deploy --environment staging",
        ], run.Output);
        repository.Artifact("test", "services/orders/artifacts/test-results/stub.xml").ShouldNotBeNull();
        run.Output.ShouldMatch(JobPrinted("docker-image", "build: from the cache (test on main)"), "the cache keeps build/bin in the service directory");
    }

    [Fact]
    public void The_compiled_build_and_the_NuGet_packages_travel_from_the_test_job_to_the_later_jobs_in_the_cache()
    {
        using var repository = new ConsumerRepository(LocalInclude.Of("include-project.gitlab-ci.yml"));

        var run = GitLabCiLocal.Pipeline(repository);

        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldMatch(JobPrinted("test", "build: compiled"));
        run.Output.ShouldMatch(JobPrinted("test", "packages: restored"));
        foreach (var job in (string[])["sonar-gate", "docker-image", "deploy-dev", "deploy-staging"])
        {
            run.Output.ShouldMatch(JobPrinted(job, "build: from the cache (test on main)"));
            run.Output.ShouldMatch(JobPrinted(job, "packages: from the cache (test on main)"));
        }
        Regex.Count(run.Output, "cache created in").ShouldBe(1, "only the test job writes the cache; the later jobs read it");
    }

    [Fact]
    public void The_next_pipeline_of_the_branch_starts_from_the_cache()
    {
        using var repository = new ConsumerRepository(LocalInclude.Of("include-project.gitlab-ci.yml"));
        GitLabCiLocal.Pipeline(repository).ExitCode.ShouldBe(0);

        var again = GitLabCiLocal.Pipeline(repository);

        again.ExitCode.ShouldBe(0, again.Output);
        again.Output.ShouldMatch(JobPrinted("test", "build: from the cache (test on main)"));
        again.Output.ShouldMatch(JobPrinted("test", "packages: from the cache (test on main)"));
    }

    [Fact]
    public void Environments_input_limits_the_deploy_jobs()
    {
        using var repository = new ConsumerRepository("""
            include:
              - local: .idp/templates/golden-path/template.yml
                inputs: {environments: "dev,production"}
            """);

        var run = GitLabCiLocal.Pipeline(repository, "--list");

        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldContain("deploy-dev");
        run.Output.ShouldContain("deploy-production");
        run.Output.ShouldNotContain("deploy-staging");
    }

    [Fact]
    public void Job_redefined_after_the_include_overrides_only_the_keys_it_sets()
    {
        using var repository = new ConsumerRepository(LocalInclude.Of("override-one-job.gitlab-ci.yml"));

        var listed = GitLabCiLocal.Pipeline(repository, "--list");
        var run = GitLabCiLocal.Pipeline(repository, "--manual", "deploy-staging");

        listed.Output.ShouldMatch(@"deploy-staging\s+staging\s+manual");
        run.ExitCode.ShouldBe(0, run.Output);
        repository.BuildCalls.ShouldContain("deploy-staging: Deploy --environment staging", "script, environment and dotenv stay from the template");
        run.Output.ShouldContain("deploy-staging environment: { name: staging");
    }

    /// <summary>A line of <paramref name="job"/>'s script output, as gitlab-ci-local prints it: the job name, padding, "> ".</summary>
    private static string JobPrinted(string job, string line) => $@"(?m)^{Regex.Escape(job)}\s+> {Regex.Escape(line)}";
}
