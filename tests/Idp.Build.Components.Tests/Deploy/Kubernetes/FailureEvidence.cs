using Idp.Build.Components.Deploy.Kubernetes;
using Idp.Testing.Kubernetes;

namespace Idp.Build.Components.Tests.Deploy.Kubernetes;

/// <summary>A failed rollout leaves the evidence a diagnosis needs: pod and container states, events, the last log lines.</summary>
public class FailureEvidence : FakeKubernetesScope
{
    private async Task<RolloutFailureEvidence> FailWithAsync(PodBehaviour behaviour)
    {
        Cluster.ImageBehaviour = image => image == SampleManifests.Broken ? behaviour : PodBehaviour.Healthy;
        using var deployer = Deployer();
        await deployer.DeployAsync(SampleManifests.For(Ns, SampleManifests.Good, replicas: 1), TimeSpan.FromSeconds(20), Report, CancellationToken.None);
        var outcome = await deployer.DeployAsync(SampleManifests.For(Ns, SampleManifests.Broken, replicas: 1), TimeSpan.FromSeconds(20), Report, CancellationToken.None);
        outcome.Succeeded.ShouldBeFalse();
        outcome.Rollout.Message.ShouldBe("deployment \"orders\" exceeded its progress deadline");
        return outcome.Evidence.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_crash_loop_shows_the_container_state_and_its_last_20_log_lines()
    {
        var evidence = await FailWithAsync(PodBehaviour.CrashLoop);

        evidence.Revision.ShouldBe(2);
        var container = evidence.Pods.ShouldHaveSingleItem().Containers.ShouldHaveSingleItem();
        container.Reason.ShouldBe("CrashLoopBackOff");
        container.RestartCount.ShouldBeGreaterThan(0);
        container.LastExitCode.ShouldBe(1);
        var log = evidence.Logs.ShouldHaveSingleItem();
        log.Container.ShouldBe("orders");
        log.Lines.Count.ShouldBe(KubernetesDeployer.LogLines);
        log.Lines[^3].ShouldStartWith("Unhandled exception. System.InvalidOperationException");
        evidence.Events.ShouldContain(e => e.Reason == "BackOff" && e.Type == "Warning");
        evidence.Conditions.ShouldContain(c => c.Kind == "Deployment" && c.Type == "Progressing" && c.Reason == "ProgressDeadlineExceeded");
    }

    [Fact]
    public async Task An_image_pull_failure_shows_image_pull_back_off_and_the_err_image_pull_event()
    {
        var evidence = await FailWithAsync(PodBehaviour.ImagePullFailure);

        var container = evidence.Pods.ShouldHaveSingleItem().Containers.ShouldHaveSingleItem();
        container.Reason.ShouldBe("ImagePullBackOff");
        container.Image.ShouldBe(SampleManifests.Broken);
        evidence.Events.ShouldContain(e => e.Message == "Error: ErrImagePull");
        evidence.Events.ShouldContain(e => e.Message.StartsWith($"Failed to pull image \"{SampleManifests.Broken}\"", StringComparison.Ordinal));
        evidence.Logs.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failing_readiness_probe_shows_a_running_unready_pod_and_unhealthy_events()
    {
        var evidence = await FailWithAsync(PodBehaviour.ReadinessFailure);

        var pod = evidence.Pods.ShouldHaveSingleItem();
        pod.Ready.ShouldBeFalse();
        pod.Containers.ShouldHaveSingleItem().State.ShouldBe("running");
        evidence.Events.ShouldContain(e => e.Reason == "Unhealthy" && e.Message.StartsWith("Readiness probe failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_vault_agent_init_failure_shows_the_init_container_and_its_log()
    {
        var evidence = await FailWithAsync(PodBehaviour.VaultAgentInitFailure);

        var pod = evidence.Pods.ShouldHaveSingleItem();
        pod.Phase.ShouldBe("Pending");
        var init = pod.Containers.First();
        init.Name.ShouldBe("vault-agent-init");
        init.IsInit.ShouldBeTrue();
        init.Reason.ShouldBe("CrashLoopBackOff");
        var log = evidence.Logs.ShouldHaveSingleItem();
        log.Container.ShouldBe("vault-agent-init");
        log.Lines[^1].ShouldContain("permission denied");
    }

    [Fact]
    public async Task An_exceeded_quota_shows_replica_failure_and_the_failed_create_event()
    {
        var evidence = await FailWithAsync(PodBehaviour.QuotaExceeded);

        evidence.Pods.ShouldBeEmpty();
        evidence.Conditions.ShouldContain(c => c.Type == "ReplicaFailure" && c.Reason == "FailedCreate" && c.Message!.Contains("exceeded quota"));
        var failedCreate = evidence.Events.ShouldHaveSingleItem();
        failedCreate.ObjectKind.ShouldBe("ReplicaSet");
        failedCreate.ObjectName.ShouldBe(evidence.ReplicaSet);
        failedCreate.Reason.ShouldBe("FailedCreate");
    }

    [Fact]
    public async Task Evidence_covers_only_the_new_replica_set()
    {
        var evidence = await FailWithAsync(PodBehaviour.CrashLoop);

        evidence.Pods.ShouldAllBe(p => p.Name.StartsWith(evidence.ReplicaSet!, StringComparison.Ordinal));
        evidence.Pods.SelectMany(p => p.Containers).ShouldAllBe(c => c.Image == SampleManifests.Broken);
    }
}
