using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Idp.Build.Components.Deploy.Kubernetes;

// Server-side apply in the order Secret → Deployment → Service → Route (the pods need the Secret, the Route needs
// the Service), each with field manager idp-build and force; the same with dryRun=All for plans; and reading what
// is there now, for the other side of a plan's diff.
public sealed partial class KubernetesDeployer
{
    private const string DryRunAll = "All";

    /// <summary>Applies the manifests with server-side apply and returns the objects as the cluster stored them.</summary>
    public Task<ClusterObjects> ApplyAsync(DeploymentManifests manifests, Action<string> progress, CancellationToken cancellationToken) =>
        ApplyAllAsync(manifests, dryRun: null, progress, cancellationToken);

    /// <summary>
    /// Sends the same applies with <c>dryRun=All</c>: the cluster validates, defaults and merges them with what it holds,
    /// and answers with the objects it would store; nothing is stored.
    /// </summary>
    public Task<ClusterObjects> DryRunAsync(DeploymentManifests manifests, CancellationToken cancellationToken) =>
        ApplyAllAsync(manifests, DryRunAll, _ => { }, cancellationToken);

    /// <summary>Reads the Deployment <paramref name="name"/> as it is in the cluster now; null when there is none.</summary>
    public Task<V1Deployment?> ReadDeploymentAsync(string ns, string name, CancellationToken cancellationToken) =>
        ReadOrNullAsync(new ApiCall("get", "deployments", name, ns), () => _client.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: cancellationToken));

    /// <summary>Reads the objects the manifests name as they are in the cluster now (null members for those that do not exist).</summary>
    public async Task<ClusterObjects> ReadCurrentAsync(DeploymentManifests manifests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var ns = manifests.Namespace;
        var secret = manifests.Secret is { } s
            ? await ReadOrNullAsync(Call("get", "secrets", s, ns), () => _client.CoreV1.ReadNamespacedSecretAsync(s.Metadata.Name, ns, cancellationToken: cancellationToken)).ConfigureAwait(false)
            : null;
        var deploymentName = manifests.Deployment.Metadata.Name;
        var deployment = await ReadOrNullAsync(Call("get", "deployments", manifests.Deployment, ns), () => _client.AppsV1.ReadNamespacedDeploymentAsync(deploymentName, ns, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var serviceName = manifests.Service.Metadata.Name;
        var service = await ReadOrNullAsync(Call("get", "services", manifests.Service, ns), () => _client.CoreV1.ReadNamespacedServiceAsync(serviceName, ns, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var route = manifests.Route is { } r
            ? await ReadOrNullAsync(Call("get", "routes", r, ns), () => _client.CustomObjects.GetNamespacedCustomObjectAsync<OpenShiftRoute>(OpenShiftRoute.Group, OpenShiftRoute.Version, ns, OpenShiftRoute.Plural, r.Metadata.Name, cancellationToken)).ConfigureAwait(false)
            : null;
        return new ClusterObjects(ns, secret, deployment, service, route);
    }

    private async Task<ClusterObjects> ApplyAllAsync(DeploymentManifests manifests, string? dryRun, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        ArgumentNullException.ThrowIfNull(progress);
        var ns = manifests.Namespace;
        V1Secret? secret = null;
        if (manifests.Secret is { } s)
        {
            secret = await CallAsync(Call("patch", "secrets", s, ns), () => _client.CoreV1.PatchNamespacedSecretAsync(
                ApplyPatch(s, "v1", "Secret"), s.Metadata.Name, ns, dryRun: dryRun, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken)).ConfigureAwait(false);
            progress($"Applied secret/{s.Metadata.Name} in {ns}");
        }
        var d = manifests.Deployment;
        var deployment = await CallAsync(Call("patch", "deployments", d, ns), () => _client.AppsV1.PatchNamespacedDeploymentAsync(
            ApplyPatch(d, "apps/v1", "Deployment"), d.Metadata.Name, ns, dryRun: dryRun, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken)).ConfigureAwait(false);
        progress($"Applied deployment/{d.Metadata.Name} in {ns} (generation {deployment.Metadata.Generation})");
        var v = manifests.Service;
        var service = await CallAsync(Call("patch", "services", v, ns), () => _client.CoreV1.PatchNamespacedServiceAsync(
            ApplyPatch(v, "v1", "Service"), v.Metadata.Name, ns, dryRun: dryRun, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken)).ConfigureAwait(false);
        progress($"Applied service/{v.Metadata.Name} in {ns}");
        OpenShiftRoute? route = null;
        if (manifests.Route is { } r)
        {
            route = await CallAsync(Call("patch", "routes", r, ns), () => _client.CustomObjects.PatchNamespacedCustomObjectAsync<OpenShiftRoute>(
                ApplyPatch(r, $"{OpenShiftRoute.Group}/{OpenShiftRoute.Version}", "Route"), OpenShiftRoute.Group, OpenShiftRoute.Version, ns, OpenShiftRoute.Plural, r.Metadata.Name,
                dryRun: dryRun, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken)).ConfigureAwait(false);
            progress($"Applied route/{r.Metadata.Name} in {ns} (host {route.Spec.Host})");
        }
        return new ClusterObjects(ns, secret, deployment, service, route);
    }

    // The apply body: the object as compact JSON with apiVersion and kind set (the typed models leave them empty,
    // and the server refuses an apply without them) and without what the server owns (status, identity, managedFields).
    private static V1Patch ApplyPatch(object manifest, string apiVersion, string kind)
    {
        var body = JsonNode.Parse(KubernetesJson.Serialize(manifest))!.AsObject();
        body["apiVersion"] = apiVersion;
        body["kind"] = kind;
        body.Remove("status");
        if (body["metadata"] is JsonObject metadata)
        {
            foreach (var serverOwned in new[] { "managedFields", "resourceVersion", "uid", "creationTimestamp", "generation" })
                metadata.Remove(serverOwned);
        }
        return new V1Patch(body.ToJsonString(), V1Patch.PatchType.ApplyPatch);
    }

    private static ApiCall Call(string verb, string resource, IKubernetesObject<V1ObjectMeta> obj, string ns) => new(verb, resource, obj.Metadata?.Name ?? "", ns);
}
