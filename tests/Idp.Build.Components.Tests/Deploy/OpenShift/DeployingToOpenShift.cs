using Idp.Testing.Kubernetes;

namespace Idp.Build.Components.Tests.Deploy.OpenShift;

/// <summary>The golden path's Deploy against a fake OpenShift: apply, rollout, automatic rollback with a diagnosis, plan, Rollback, DORA events.</summary>
public sealed class DeployingToOpenShift(OpenShiftRepository repository) : IClassFixture<OpenShiftRepository>
{
    [Fact]
    public void A_crashing_upgrade_is_rolled_back_with_a_diagnosis_and_every_outcome_becomes_a_DORA_event()
    {
        var first = OpenShiftRepository.Image('a');
        var crashing = OpenShiftRepository.Image('b');
        repository.Cluster.ImageBehaviour = image => image == crashing ? PodBehaviour.CrashLoop : PodBehaviour.Healthy;
        foreach (var stale in repository.Outbox.Pending())
            Idp.Build.Components.Dora.DoraOutbox.Delivered(stale);

        var deployed = repository.Deploy(first, "dev");

        deployed.ExitCode.ShouldBe(0, deployed.Output);
        deployed.Output.ShouldMatch(@"Deploy\s+│ Succeeded\s+│[^│]+│ dev: platform-dev/hello-service revision 1");
        repository.DeployedImage("platform-dev").ShouldBe(first);
        File.Exists(repository.Root / "artifacts" / "manifests" / "dev" / "deployment.yaml").ShouldBeTrue();

        var failed = repository.Deploy(crashing, "dev");

        failed.ExitCode.ShouldBe(1, failed.Output);
        failed.Output.ShouldContain("The rollout of hello-service to dev failed");
        failed.Output.ShouldContain("CrashLoopBackOff");
        repository.DeployedImage("platform-dev").ShouldBe(first);
        File.ReadAllText(repository.Root / "artifacts" / "deploy-diagnosis.md").ShouldContain("CrashLoopBackOff");
        repository.OutboxTypes().ShouldBe(
            ["dev.cdevents.service.deployed.0.3.0", "dev.cdevents.pipelinerun.finished.0.3.0", "dev.cdevents.service.rolledback.0.3.0"], ignoreOrder: true);
    }

    [Fact]
    public void A_production_deploy_prints_the_plan_before_applying_and_Rollback_restores_the_previous_revision()
    {
        repository.Cluster.ImageBehaviour = _ => PodBehaviour.Healthy;
        var first = OpenShiftRepository.Image('c');
        var second = OpenShiftRepository.Image('d');

        var created = repository.Deploy(first, "production");
        var upgraded = repository.Deploy(second, "production");

        created.ExitCode.ShouldBe(0, created.Output);
        created.Output.ShouldContain("Plan for production (platform-prod):");
        upgraded.ExitCode.ShouldBe(0, upgraded.Output);
        upgraded.Output.ShouldContain($"{new string('c', 12)}");
        upgraded.Output.ShouldContain($"{new string('d', 12)}");
        File.ReadAllText(repository.Root / "artifacts" / "deploy-plan.md").ShouldContain(new string('d', 12));
        repository.Cluster.Get(KubeResource.Routes, "platform-prod", "hello-service").ShouldNotBeNull();

        var rolledBack = repository.Run("Rollback", "--environment", "production", "--skip", "EmitDora");

        rolledBack.ExitCode.ShouldBe(0, rolledBack.Output);
        repository.DeployedImage("platform-prod").ShouldBe(first);
        repository.OutboxTypes().ShouldContain("dev.cdevents.service.rolledback.0.3.0");
    }

    [Fact]
    public void Vault_values_become_a_Kubernetes_Secret_and_appear_in_no_output_or_file()
    {
        repository.Cluster.ImageBehaviour = _ => PodBehaviour.Healthy;

        var result = repository.Deploy(OpenShiftRepository.Image('e'), "dev");

        result.ExitCode.ShouldBe(0, result.Output);
        var secret = repository.Cluster.Get(KubeResource.Secrets, "platform-dev", "hello-service-secrets");
        secret.ShouldNotBeNull();
        var stored = secret["data"]?["HELLO_API_KEY"]?.GetValue<string>() ?? secret["stringData"]!["HELLO_API_KEY"]!.GetValue<string>();
        (stored == OpenShiftRepository.Canary || System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(stored)) == OpenShiftRepository.Canary).ShouldBeTrue(stored);
        result.Output.ShouldNotContain(OpenShiftRepository.Canary);
        foreach (var file in Directory.GetFiles(repository.Root / "artifacts", "*", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(repository.Root / ".nuke", "*", SearchOption.AllDirectories)))
            File.ReadAllText(file).ShouldNotContain(OpenShiftRepository.Canary, customMessage: file);
    }

    [Fact]
    public void A_token_without_the_policy_fails_naming_the_secret_path_and_deploys_nothing()
    {
        var before = repository.Cluster.Requests.Count(r => r.Method == "PATCH");
        var token = repository.Vault.CreateToken(["nothing"]);

        var result = repository.Deploy(OpenShiftRepository.Image('f'), "dev", "--vault-token", token);

        result.ExitCode.ShouldBe(1, result.Output);
        result.Output.ShouldContain("secret/data/platform/hello-service");
        repository.Cluster.Requests.Count(r => r.Method == "PATCH").ShouldBe(before);
    }
}
