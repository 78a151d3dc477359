using Idp.Build.Components.Deploy.Kubernetes;
using k8s.Models;

namespace Idp.Build.Components.Tests.Deploy.Kubernetes;

/// <summary>RolloutStatus.Evaluate decides as kubectl rollout status does (api-contracts.md §2.3), on plain objects.</summary>
public class RolloutStatusDecisions
{
    private static V1Deployment Deployment(long generation = 2, long? observed = 2, int? replicas = 3, int? updated = 3, int? total = 3, int? available = 3, string? progressingReason = null, string? revision = "4") => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", Generation = generation, Annotations = revision is null ? null : new Dictionary<string, string> { [RolloutStatus.RevisionAnnotation] = revision } },
        Spec = new V1DeploymentSpec { Replicas = replicas },
        Status = new V1DeploymentStatus
        {
            ObservedGeneration = observed,
            UpdatedReplicas = updated,
            Replicas = total,
            AvailableReplicas = available,
            Conditions = progressingReason is null ? null : [new V1DeploymentCondition { Type = "Progressing", Status = progressingReason == "ProgressDeadlineExceeded" ? "False" : "True", Reason = progressingReason }],
        },
    };

    [Fact]
    public void A_spec_not_yet_observed_waits() =>
        RolloutStatus.Evaluate(Deployment(generation: 3, observed: 2)).ShouldBe(new RolloutState(RolloutPhase.Waiting, "Waiting for deployment spec update to be observed..."));

    [Fact]
    public void An_exceeded_progress_deadline_fails() =>
        RolloutStatus.Evaluate(Deployment(updated: 1, progressingReason: "ProgressDeadlineExceeded")).ShouldBe(new RolloutState(RolloutPhase.Failed, "deployment \"web\" exceeded its progress deadline"));

    [Fact]
    public void The_deadline_counts_only_once_the_spec_is_observed() =>
        RolloutStatus.Evaluate(Deployment(generation: 3, observed: 2, progressingReason: "ProgressDeadlineExceeded")).Phase.ShouldBe(RolloutPhase.Waiting);

    [Fact]
    public void Fewer_updated_than_desired_waits_for_updates() =>
        RolloutStatus.Evaluate(Deployment(updated: 1)).Message.ShouldBe("Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...");

    [Fact]
    public void Old_replicas_still_running_wait_for_termination() =>
        RolloutStatus.Evaluate(Deployment(total: 5)).Message.ShouldBe("Waiting for deployment \"web\" rollout to finish: 2 old replicas are pending termination...");

    [Fact]
    public void Updated_replicas_not_yet_available_wait_for_availability() =>
        RolloutStatus.Evaluate(Deployment(available: 2)).Message.ShouldBe("Waiting for deployment \"web\" rollout to finish: 2 of 3 updated replicas are available...");

    [Fact]
    public void All_updated_and_available_is_complete() =>
        RolloutStatus.Evaluate(Deployment(progressingReason: "NewReplicaSetAvailable")).ShouldBe(new RolloutState(RolloutPhase.Complete, "deployment \"web\" successfully rolled out"));

    [Fact]
    public void Missing_counts_read_as_zero() =>
        RolloutStatus.Evaluate(Deployment(updated: null, total: null, available: null)).Message.ShouldBe("Waiting for deployment \"web\" rollout to finish: 0 out of 3 new replicas have been updated...");

    [Fact]
    public void Without_spec_replicas_the_update_count_is_not_checked() =>
        RolloutStatus.Evaluate(Deployment(replicas: null, updated: 0, total: 0, available: 0)).Phase.ShouldBe(RolloutPhase.Complete);

    [Fact]
    public void A_different_running_revision_fails_when_a_revision_is_expected() =>
        RolloutStatus.Evaluate(Deployment(revision: "4"), revision: 5).ShouldBe(new RolloutState(RolloutPhase.Failed, "desired revision (5) is different from the running revision (4)"));

    [Fact]
    public void The_expected_revision_running_is_evaluated_as_usual() =>
        RolloutStatus.Evaluate(Deployment(revision: "4"), revision: 4).Phase.ShouldBe(RolloutPhase.Complete);
}
