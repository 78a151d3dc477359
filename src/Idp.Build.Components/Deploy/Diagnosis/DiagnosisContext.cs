using Idp.Build.Components.Descriptor;

namespace Idp.Build.Components.Deploy.Diagnosis;

/// <summary>What <c>idp.yaml</c> says about the deploy that failed, so a finding can name the setting to change.</summary>
/// <param name="Service">The service's name (the Deployment's and the container's).</param>
/// <param name="Environment">The environment's name.</param>
/// <param name="Namespace">The namespace deployed to.</param>
/// <param name="Port">The container port.</param>
/// <param name="HealthPath">The liveness probe's path.</param>
/// <param name="ReadinessPath">The readiness probe's path.</param>
/// <param name="MemoryLimit">The memory limit as written in idp.yaml; null when none is given.</param>
/// <param name="VaultRole">The Vault role of the environment's secrets; null when it has none.</param>
/// <param name="VaultPaths">The Vault paths the environment's secrets come from.</param>
public sealed record DiagnosisContext(
    string Service,
    string Environment,
    string Namespace,
    int Port,
    string HealthPath,
    string ReadinessPath,
    string? MemoryLimit,
    string? VaultRole,
    IReadOnlyList<string> VaultPaths)
{
    /// <summary>The context of deploying <paramref name="descriptor"/> to <paramref name="environment"/>.</summary>
    public static DiagnosisContext For(ServiceDescriptor descriptor, EnvironmentSettings environment) => new(
        descriptor.Service.Name,
        environment.Name,
        environment.Namespace ?? "",
        descriptor.Service.Port,
        descriptor.Service.HealthPath,
        descriptor.Service.ReadinessPath,
        environment.Resources.Limits.Memory,
        environment.Secrets.Role,
        environment.Secrets.Values.Select(v => v.Path).Distinct(StringComparer.Ordinal).ToArray());
}
