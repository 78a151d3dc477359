namespace Idp.Testing.Kubernetes;

/// <summary>A resource type the fake serves: where it lives in URLs and what its objects are called.</summary>
/// <param name="Group">The API group; empty for the core group (<c>/api/v1</c>).</param>
/// <param name="Version">The API version.</param>
/// <param name="Plural">The plural name in URLs.</param>
/// <param name="Kind">The object kind.</param>
/// <param name="IsCustom">Served as a custom resource (rejects strategic-merge patches with 415).</param>
public sealed record KubeResource(string Group, string Version, string Plural, string Kind, bool IsCustom = false)
{
    public static readonly KubeResource Deployments = new("apps", "v1", "deployments", "Deployment");
    public static readonly KubeResource ReplicaSets = new("apps", "v1", "replicasets", "ReplicaSet");
    public static readonly KubeResource Services = new("", "v1", "services", "Service");
    public static readonly KubeResource Secrets = new("", "v1", "secrets", "Secret");
    public static readonly KubeResource Pods = new("", "v1", "pods", "Pod");
    public static readonly KubeResource Events = new("", "v1", "events", "Event");
    public static readonly KubeResource Routes = new("route.openshift.io", "v1", "routes", "Route", IsCustom: true);

    /// <summary>Every resource the fake serves.</summary>
    public static IReadOnlyList<KubeResource> All { get; } = [Deployments, ReplicaSets, Services, Secrets, Pods, Events, Routes];

    /// <summary><c>apps/v1</c>, or <c>v1</c> for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>How Status messages name the resource: <c>deployments.apps</c>, or <c>services</c> in the core group.</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>Finds the resource for a URL's group, version and plural.</summary>
    public static KubeResource? Find(string group, string version, string plural) =>
        All.FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == plural);
}
