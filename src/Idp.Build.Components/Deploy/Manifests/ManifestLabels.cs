namespace Idp.Build.Components.Deploy.Manifests;

/// <summary>
/// The label and annotation keys the rendered manifests carry. The selector uses only <see cref="Name"/> and
/// <see cref="Instance"/>, which never change between deploys (a Deployment's selector is immutable).
/// </summary>
public static class ManifestLabels
{
    /// <summary>The service's name.</summary>
    public const string Name = "app.kubernetes.io/name";

    /// <summary>The service in one environment: <c>&lt;service&gt;-&lt;environment&gt;</c>.</summary>
    public const string Instance = "app.kubernetes.io/instance";

    /// <summary>The version deployed (the commit or version given to the renderer).</summary>
    public const string Version = "app.kubernetes.io/version";

    /// <summary>The larger system the service belongs to: its team.</summary>
    public const string PartOf = "app.kubernetes.io/part-of";

    /// <summary>The tool that manages the objects, <see cref="ManagedByValue"/>.</summary>
    public const string ManagedBy = "app.kubernetes.io/managed-by";

    /// <summary>The value of <see cref="ManagedBy"/>.</summary>
    public const string ManagedByValue = "idp-build";

    /// <summary>The owning team.</summary>
    public const string Team = "idp.build/team";

    /// <summary>
    /// Pod-template annotation holding a SHA-256 over the materialised secret's keys and values (mode
    /// <c>kubernetes</c>), so a changed value rolls the pods.
    /// </summary>
    public const string SecretChecksum = "idp.build/secret-checksum";

    /// <summary>
    /// The label selector (<c>k=v,k2=v2</c>) of the service's pods in <paramref name="environment"/>, for listing
    /// pods and ReplicaSets after a rollout.
    /// </summary>
    public static string Selector(string service, string environment) =>
        $"{Name}={service},{Instance}={InstanceOf(service, environment)}";

    /// <summary>The <see cref="Instance"/> value: <c>&lt;service&gt;-&lt;environment&gt;</c>, cut to the 63 characters a label value may have.</summary>
    public static string InstanceOf(string service, string environment)
    {
        var instance = $"{service}-{environment}";
        return instance.Length <= 63 ? instance : instance[..63].TrimEnd('-');
    }
}
