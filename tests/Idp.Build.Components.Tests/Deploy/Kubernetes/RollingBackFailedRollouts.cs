using Idp.Build.Components.Deploy.Kubernetes;
using Idp.Testing.Kubernetes;

namespace Idp.Build.Components.Tests.Deploy.Kubernetes;

/// <summary>A rollout that fails or times out is rolled back to the previous revision, as kubectl rollout undo does it.</summary>
public class RollingBackFailedRollouts : FakeKubernetesScope
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private void BrokenImageCrashes() =>
        Cluster.ImageBehaviour = image => image == SampleManifests.Broken ? PodBehaviour.CrashLoop : PodBehaviour.Healthy;

    [Fact]
    public async Task A_stuck_rollout_is_detected_and_revision_1_serves_again()
    {
        BrokenImageCrashes();
        using var deployer = Deployer();
        await deployer.DeployAsync(SampleManifests.For(Ns, SampleManifests.Good), Timeout, Report, CancellationToken.None);

        var outcome = await deployer.DeployAsync(SampleManifests.For(Ns, SampleManifests.Broken), Timeout, Report, CancellationToken.None);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Rollout.Outcome.ShouldBe(RolloutOutcome.Failed);
        outcome.Rollout.Message.ShouldBe("deployment \"orders\" exceeded its progress deadline");
        outcome.Rollout.Revision.ShouldBe(2);
        outcome.Rollback!.Outcome.ShouldBe(RollbackOutcome.RolledBack);
        outcome.Rollback.FromRevision.ShouldBe(2);
        outcome.Rollback.ToRevision.ShouldBe(1);
        outcome.Rollback.Image.ShouldBe(SampleManifests.Good);
        outcome.RollbackRollout!.Outcome.ShouldBe(RolloutOutcome.Complete);
        outcome.RollbackRollout.Revision.ShouldBe(3); // the old template rolls out under a new revision number
        var deployment = Cluster.Get(KubeResource.Deployments, Ns, "orders")!;
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.ToString().ShouldBe(SampleManifests.Good);
        Cluster.List(KubeResource.Pods, Ns).ShouldAllBe(p => p["spec"]!["containers"]![0]!["image"]!.ToString() == SampleManifests.Good);
    }

    [Fact]
    public async Task The_rollback_is_a_json_patch_of_template_and_annotations()
    {
        BrokenImageCrashes();
        using var deployer = Deployer();
        await deployer.DeployAsync(SampleManifests.For(Ns, SampleManifests.Good), Timeout, Report, CancellationToken.None);
        await deployer.ApplyAsync(SampleManifests.For(Ns, SampleManifests.Broken), Report, CancellationToken.None);
        await deployer.WaitForRolloutAsync(Ns, "orders", Timeout, Report, CancellationToken.None);

        await deployer.RollbackAsync(Ns, "orders", Report, CancellationToken.None);

        var patch = Cluster.Requests.Last(r => r.Method == "PATCH");
        patch.ContentType.ShouldStartWith("application/json-patch+json");
        patch.Body.ShouldContain("\"op\":\"replace\",\"path\":\"/spec/template\"");
        patch.Body.ShouldContain("\"path\":\"/metadata/annotations\"");
        patch.Body.ShouldNotContain("pod-template-hash");
    }

    [Fact]
    public async Task A_failed_first_deploy_has_no_history_to_roll_back_to()
    {
        Cluster.ImageBehaviour = _ => PodBehaviour.CrashLoop;
        using var deployer = Deployer();

        var outcome = await deployer.DeployAsync(SampleManifests.For(Ns, SampleManifests.Broken), Timeout, Report, CancellationToken.None);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Rollback!.Outcome.ShouldBe(RollbackOutcome.NoHistory);
        outcome.Rollback.Message.ShouldBe("no rollout history found for deployment \"orders\"");
        outcome.RollbackRollout.ShouldBeNull();
    }

    [Fact]
    public async Task Rolling_back_twice_skips_when_the_template_already_matches()
    {
        using var deployer = Deployer();
        await deployer.DeployAsync(SampleManifests.For(Ns, SampleManifests.Good), Timeout, Report, CancellationToken.None);
        await deployer.DeployAsync(SampleManifests.For(Ns, SampleManifests.Better), Timeout, Report, CancellationToken.None);
        await deployer.RollbackAndWaitAsync(Ns, "orders", Timeout, Report, CancellationToken.None);

        // Revisions are now 2 (Better) and 3 (Good, restored); 3 is what runs, so asking for it changes nothing.
        var again = await deployer.RollbackAsync(Ns, "orders", toRevision: 3, Report, CancellationToken.None);

        again.Outcome.ShouldBe(RollbackOutcome.AlreadyMatches);
        again.Message.ShouldBe("skipped rollback (current template already matches revision 3)");
    }

    [Fact]
    public async Task Asking_for_a_revision_that_does_not_exist_names_it()
    {
        using var deployer = Deployer();
        await deployer.DeployAsync(SampleManifests.For(Ns, SampleManifests.Good), Timeout, Report, CancellationToken.None);

        var error = await Should.ThrowAsync<KubernetesDeployException>(() => deployer.RollbackAsync(Ns, "orders", toRevision: 7, Report, CancellationToken.None));

        error.Message.ShouldStartWith("unable to find specified revision 7 in history of deployment \"orders\"");
    }

    [Fact]
    public async Task A_rollout_slower_than_the_timeout_times_out_and_is_rolled_back()
    {
        BrokenImageCrashes();
        Cluster.ProgressDeadline = TimeSpan.FromMinutes(5);
        using var deployer = Deployer();
        await deployer.DeployAsync(SampleManifests.For(Ns, SampleManifests.Good), Timeout, Report, CancellationToken.None);

        var outcome = await deployer.DeployAsync(SampleManifests.For(Ns, SampleManifests.Broken), TimeSpan.FromSeconds(2), Report, CancellationToken.None);

        outcome.Rollout.Outcome.ShouldBe(RolloutOutcome.TimedOut);
        outcome.Rollout.Message.ShouldStartWith("timed out after 00:00:02 waiting for deployment \"orders\" in \"shop\"; last status: Waiting for deployment \"orders\" rollout to finish");
        outcome.Rollback!.Outcome.ShouldBe(RollbackOutcome.RolledBack);
        outcome.RollbackRollout!.Outcome.ShouldBe(RolloutOutcome.Complete);
    }

    [Fact]
    public async Task Evidence_that_cannot_be_read_does_not_stop_the_rollback()
    {
        BrokenImageCrashes();
        Cluster.Forbid("list", "events");
        using var deployer = Deployer();
        await deployer.DeployAsync(SampleManifests.For(Ns, SampleManifests.Good), Timeout, Report, CancellationToken.None);

        var outcome = await deployer.DeployAsync(SampleManifests.For(Ns, SampleManifests.Broken), Timeout, Report, CancellationToken.None);

        outcome.Evidence.ShouldBeNull();
        Progress.ShouldContain(l => l.StartsWith("Could not gather the evidence of the failed rollout: list events", StringComparison.Ordinal));
        outcome.Rollback!.Outcome.ShouldBe(RollbackOutcome.RolledBack);
        outcome.RollbackRollout!.Outcome.ShouldBe(RolloutOutcome.Complete);
    }
}
