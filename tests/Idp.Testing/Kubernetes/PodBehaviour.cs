namespace Idp.Testing.Kubernetes;

/// <summary>How the pods of a new ReplicaSet behave in the fake's simulated cluster, chosen by container image.</summary>
public enum PodBehaviour
{
    /// <summary>The pods start and become ready; the rollout completes.</summary>
    Healthy,

    /// <summary>The container exits with code 1 again and again: <c>CrashLoopBackOff</c>, with its last log lines.</summary>
    CrashLoop,

    /// <summary>The image cannot be pulled: <c>ErrImagePull</c> events, then <c>ImagePullBackOff</c>.</summary>
    ImagePullFailure,

    /// <summary>The container runs but its readiness probe fails (<c>Unhealthy</c> events).</summary>
    ReadinessFailure,

    /// <summary>The Vault Agent init container (<c>vault-agent-init</c>) fails to authenticate and crash-loops.</summary>
    VaultAgentInitFailure,

    /// <summary>The namespace's ResourceQuota refuses the pods: <c>ReplicaFailure</c>/<c>FailedCreate</c> "exceeded quota".</summary>
    QuotaExceeded,
}
