using Idp.Build.Components.Deploy.Kubernetes;
using k8s.Models;

namespace Idp.Build.Components.Deploy.Diagnosis;

/// <summary>
/// What was seen of a failed rollout: the new pods, the namespace's recent events about them and their
/// ReplicaSet, and the last log lines of their containers. Every part may be empty.
/// </summary>
/// <param name="Pods">The pods of the rollout (typically those of the new ReplicaSet).</param>
/// <param name="Events">Events whose involved object is one of those pods, their ReplicaSet or the Deployment.</param>
/// <param name="Logs">The last log lines per pod and container (the previous run's for a restarted container).</param>
public sealed record RolloutEvidence(IReadOnlyList<V1Pod> Pods, IReadOnlyList<Corev1Event> Events, IReadOnlyList<ContainerLog> Logs)
{
    /// <summary>Nothing seen: the diagnosis falls back to the generic advice.</summary>
    public static RolloutEvidence Empty { get; } = new([], [], []);
}
