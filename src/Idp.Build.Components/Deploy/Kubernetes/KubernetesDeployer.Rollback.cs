using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Idp.Build.Components.Deploy.Kubernetes;

// `kubectl rollout undo` (api-contracts.md §2.4): find the Deployment's own ReplicaSets, take the previous revision
// (or the one asked for), and JSON-patch its template and annotations back onto the Deployment. The controller then
// rolls that template out again under a new revision number.
public sealed partial class KubernetesDeployer
{
    private static readonly string[] AnnotationsKeptFromDeployment =
    [
        "kubectl.kubernetes.io/last-applied-configuration",
        RolloutStatus.RevisionAnnotation,
        "deployment.kubernetes.io/revision-history",
        "deployment.kubernetes.io/desired-replicas",
        "deployment.kubernetes.io/max-replicas",
        "deprecated.deployment.rollback.to",
    ];

    /// <summary>
    /// Restores the template of the revision before the current one, as <c>kubectl rollout undo</c> does; it does not
    /// wait (see <see cref="RollbackAndWaitAsync"/>).
    /// </summary>
    public Task<RollbackResult> RollbackAsync(string ns, string deploymentName, Action<string> progress, CancellationToken cancellationToken) =>
        RollbackAsync(ns, deploymentName, toRevision: 0, progress, cancellationToken);

    /// <summary>
    /// Restores the template of revision <paramref name="toRevision"/> (0: the one before the current), as
    /// <c>kubectl rollout undo --to-revision</c> does; it does not wait.
    /// </summary>
    public async Task<RollbackResult> RollbackAsync(string ns, string deploymentName, long toRevision, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var deployment = await CallAsync(new ApiCall("get", "deployments", deploymentName, ns), () => _client.AppsV1.ReadNamespacedDeploymentAsync(deploymentName, ns, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (deployment.Spec.Paused == true)
            throw new KubernetesDeployException($"you cannot rollback a paused deployment; resume it first with `oc rollout resume deployment/{deploymentName} -n {ns}` and try again");
        var current = RolloutStatus.RevisionOf(deployment);
        var history = (await OwnedReplicaSetsAsync(deployment, cancellationToken).ConfigureAwait(false))
            .OrderByDescending(rs => RolloutStatus.RevisionOf(rs.Metadata))
            .ToList();

        V1ReplicaSet? target;
        if (toRevision == 0)
        {
            target = history.Skip(1).FirstOrDefault();
            if (target is null)
            {
                var none = new RollbackResult(RollbackOutcome.NoHistory, current, 0, null, $"no rollout history found for deployment \"{deploymentName}\"");
                progress(none.Message);
                return none;
            }
        }
        else
        {
            target = history.FirstOrDefault(rs => RolloutStatus.RevisionOf(rs.Metadata) == toRevision)
                ?? throw new KubernetesDeployException($"unable to find specified revision {toRevision} in history of deployment \"{deploymentName}\" in \"{ns}\": list the revisions with `oc rollout history deployment/{deploymentName} -n {ns}`.");
        }

        var targetRevision = RolloutStatus.RevisionOf(target.Metadata);
        var template = TemplateWithoutHash(target.Spec.Template);
        var image = target.Spec.Template?.Spec?.Containers?.FirstOrDefault()?.Image;
        if (JsonNode.DeepEquals(template, TemplateWithoutHash(deployment.Spec.Template)))
        {
            var skipped = new RollbackResult(RollbackOutcome.AlreadyMatches, current, targetRevision, image, $"skipped rollback (current template already matches revision {targetRevision})");
            progress(skipped.Message);
            return skipped;
        }

        var annotations = new JsonObject();
        foreach (var (key, value) in target.Metadata.Annotations ?? new Dictionary<string, string>())
            if (!AnnotationsKeptFromDeployment.Contains(key))
                annotations[key] = value;
        foreach (var key in AnnotationsKeptFromDeployment)
            if (deployment.Metadata.Annotations?.TryGetValue(key, out var value) == true)
                annotations[key] = value;
        var patch = new JsonArray(
            new JsonObject { ["op"] = "replace", ["path"] = "/spec/template", ["value"] = template },
            new JsonObject { ["op"] = "replace", ["path"] = "/metadata/annotations", ["value"] = annotations });
        await CallAsync(new ApiCall("patch", "deployments", deploymentName, ns), () => _client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.JsonPatch), deploymentName, ns, fieldManager: RollbackFieldManager, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var result = new RollbackResult(RollbackOutcome.RolledBack, current, targetRevision, image, $"deployment \"{deploymentName}\" rolled back to revision {targetRevision} ({image})");
        progress(result.Message);
        return result;
    }

    /// <summary>Rolls back (see <see cref="RollbackAsync(string, string, Action{string}, CancellationToken)"/>) and, when something was restored, waits for that rollout.</summary>
    public async Task<(RollbackResult Rollback, RolloutResult? Rollout)> RollbackAndWaitAsync(string ns, string deploymentName, TimeSpan timeout, Action<string> progress, CancellationToken cancellationToken)
    {
        var rollback = await RollbackAsync(ns, deploymentName, progress, cancellationToken).ConfigureAwait(false);
        if (rollback.Outcome != RollbackOutcome.RolledBack)
            return (rollback, null);
        var rollout = await WaitForRolloutAsync(ns, deploymentName, timeout, progress, cancellationToken).ConfigureAwait(false);
        return (rollback, rollout);
    }

    private async Task<List<V1ReplicaSet>> OwnedReplicaSetsAsync(V1Deployment deployment, CancellationToken cancellationToken)
    {
        var ns = deployment.Metadata.NamespaceProperty;
        var selector = string.Join(',', (deployment.Spec.Selector?.MatchLabels ?? new Dictionary<string, string>()).Select(l => $"{l.Key}={l.Value}"));
        var list = await CallAsync(new ApiCall("list", "replicasets", deployment.Metadata.Name, ns), () => _client.AppsV1.ListNamespacedReplicaSetAsync(ns, labelSelector: selector, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return list.Items.Where(rs => rs.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid == deployment.Metadata.Uid) == true).ToList();
    }

    private static JsonNode? TemplateWithoutHash(V1PodTemplateSpec? template)
    {
        var node = JsonNode.Parse(KubernetesJson.Serialize(template));
        (node?["metadata"]?["labels"] as JsonObject)?.Remove("pod-template-hash");
        return node;
    }
}
