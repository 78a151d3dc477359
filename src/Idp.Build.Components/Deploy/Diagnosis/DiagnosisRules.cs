namespace Idp.Build.Components.Deploy.Diagnosis;

/// <summary>The ids of the failure signatures, in the order they win when several match.</summary>
/// <remarks>
/// Root causes come before their symptoms: pods that cannot be created explain everything after; a failing Vault
/// Agent init container or an image that cannot be pulled keeps the service from starting at all; an out-of-memory
/// kill is the specific reason of a crash loop; a crash loop makes the readiness probe fail too.
/// </remarks>
public static class DiagnosisRules
{
    /// <summary>The ReplicaSet could not create pods: the namespace's ResourceQuota is exhausted.</summary>
    public const string QuotaExceeded = "quota-exceeded";

    /// <summary>The Vault Agent init container failed: the role or its policy.</summary>
    public const string VaultAgentInit = "vault-agent-init";

    /// <summary>ImagePullBackOff / ErrImagePull.</summary>
    public const string ImagePull = "image-pull";

    /// <summary>A container was killed for exceeding its memory limit.</summary>
    public const string OutOfMemory = "oom-killed";

    /// <summary>The service keeps exiting (CrashLoopBackOff).</summary>
    public const string CrashLoop = "crash-loop";

    /// <summary>The service runs but its readiness probe fails.</summary>
    public const string ReadinessProbe = "readiness-probe";

    /// <summary>None of the above matched.</summary>
    public const string Unknown = "unknown";
}
