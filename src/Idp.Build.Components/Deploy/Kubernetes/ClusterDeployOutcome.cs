namespace Idp.Build.Components.Deploy.Kubernetes;

/// <summary>The whole of one deploy: what was applied, how the rollout ended and, when it failed, the evidence and the rollback.</summary>
/// <param name="Applied">The objects as the cluster stored them.</param>
/// <param name="Rollout">How the rollout of the new revision ended.</param>
/// <param name="Evidence">What the cluster showed about the failed rollout; null when it succeeded.</param>
/// <param name="Rollback">What the automatic rollback did; null when the rollout succeeded.</param>
/// <param name="RollbackRollout">How the rollout of the restored revision ended; null when nothing was restored.</param>
public sealed record ClusterDeployOutcome(
    ClusterObjects Applied,
    RolloutResult Rollout,
    RolloutFailureEvidence? Evidence,
    RollbackResult? Rollback,
    RolloutResult? RollbackRollout)
{
    /// <summary>True when the new revision rolled out; a rolled-back deploy is a failed deploy.</summary>
    public bool Succeeded => Rollout.Succeeded;
}
