using System.Text.Json.Nodes;
using k8s;

namespace Idp.Build.Components.Deploy.Plan;

/// <summary>
/// Compares a live object with the server's dry run of applying the new one, as JSON, so typed models and the
/// Route (a custom object) are compared alike. Fields the server manages (<c>status</c>, <c>managedFields</c>,
/// <c>resourceVersion</c>, <c>uid</c>, <c>generation</c>, <c>creationTimestamp</c>, the revision annotation) are
/// ignored, and a Secret's values are never shown.
/// </summary>
public static class DeployPlanner
{
    /// <summary>The plan of one object: created when <paramref name="live"/> is null, else its changed fields.</summary>
    /// <param name="live">The object as it is in the cluster; null when it does not exist.</param>
    /// <param name="dryRun">The object the server's dry run of the apply returned.</param>
    public static ObjectPlan Compare(JsonNode? live, JsonNode dryRun)
    {
        var kind = dryRun["kind"]?.GetValue<string>() ?? "";
        var name = dryRun["metadata"]?["name"]?.GetValue<string>() ?? "";
        if (live is null)
            return new ObjectPlan(kind, name, ObjectAction.Create, []);
        var changes = JsonFieldDiff.Compare(live, dryRun, redactData: kind == "Secret");
        return new ObjectPlan(kind, name, changes.Count == 0 ? ObjectAction.NoChange : ObjectAction.Update, changes);
    }

    /// <summary>The plan of one object given as KubernetesClient models (or an <see cref="OpenShiftRoute"/>).</summary>
    public static ObjectPlan Compare(object? live, object dryRun) =>
        Compare(live is null ? null : ToJson(live), ToJson(dryRun));

    /// <summary>An object as the JSON the API server speaks (camelCase, nulls left out).</summary>
    public static JsonNode ToJson(object kubernetesObject) =>
        kubernetesObject as JsonNode ?? JsonNode.Parse(KubernetesJson.Serialize(kubernetesObject))!;
}
