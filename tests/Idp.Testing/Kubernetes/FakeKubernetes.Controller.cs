using System.Globalization;
using System.Text.Json.Nodes;

namespace Idp.Testing.Kubernetes;

// A simulated Deployment controller (api-contracts.md §2.3/§2.4), one small step per tick: a template change makes
// (or, on rollback, re-numbers) the ReplicaSet <name>-<hash> with revision max+1; then new pods come one per tick,
// old ones go as new ones become available, and the status and conditions follow. A rollout that stops making
// progress for ProgressDeadline ends with Progressing=False/ProgressDeadlineExceeded; as in Kubernetes, the deadline
// counts from the last progress (a pod made, made available or removed), so a slow but moving rollout never hits it.
public sealed partial class FakeKubernetes
{
    private const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    private const string HashLabel = "pod-template-hash";

    private readonly Dictionary<(string Ns, string Name), DateTime> _lastProgress = [];

    private async Task RunControllerAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TickInterval, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            lock (_gate)
            {
                foreach (var key in _objects.Keys.Where(k => k.Plural == KubeResource.Deployments.Plural).ToList())
                    Reconcile(key.Ns, key.Name);
            }
        }
    }

    private void Reconcile(string ns, string name)
    {
        var deployment = _objects[(KubeResource.Deployments.Plural, ns, name)];
        var uid = (string)deployment["metadata"]!["uid"]!;
        var template = deployment["spec"]?["template"] as JsonObject ?? new JsonObject();
        var owned = Stored(KubeResource.ReplicaSets, ns).Where(rs => OwnerUid(rs) == uid).ToList();
        var maxRevision = owned.Select(Revision).DefaultIfEmpty(0).Max();
        var current = owned.FirstOrDefault(rs => SameTemplate(rs, template));

        if (current is null)
        {
            CreateReplicaSet(ns, deployment, template, maxRevision + 1);
            SetDeploymentRevision(ns, deployment, maxRevision + 1);
            _lastProgress[(ns, name)] = DateTime.UtcNow;
            return;
        }
        if (Revision(current) < maxRevision)
        {
            // Rolling back to an old template re-uses its ReplicaSet under the next revision number.
            var renumbered = (JsonObject)current.DeepClone();
            renumbered["metadata"]!["annotations"]![RevisionAnnotation] = (maxRevision + 1).ToString(CultureInfo.InvariantCulture);
            Store(KubeResource.ReplicaSets, ns, renumbered, current);
            SetDeploymentRevision(ns, deployment, maxRevision + 1);
            _lastProgress[(ns, name)] = DateTime.UtcNow;
            return;
        }
        if ((string?)deployment["metadata"]?["annotations"]?[RevisionAnnotation] != Revision(current).ToString(CultureInfo.InvariantCulture))
        {
            SetDeploymentRevision(ns, deployment, Revision(current));
            return;
        }

        var desired = (int?)deployment["spec"]?["replicas"] ?? 1;
        var behaviour = BehaviourOf(template);
        var currentName = (string)current["metadata"]!["name"]!;
        var newPods = PodsOf(ns, current);
        if (behaviour == PodBehaviour.QuotaExceeded)
            RefuseForQuota(ns, current);
        else if (newPods.Count < desired)
            CreatePod(ns, current, behaviour);
        var availableNew = PodsOf(ns, current).Count(IsReady);
        foreach (var old in owned.Where(rs => rs != current))
        {
            var oldPods = PodsOf(ns, old);
            var keep = Math.Max(0, desired - availableNew);
            if (oldPods.Count > keep)
                Delete(KubeResource.Pods, ns, (string)oldPods[0]["metadata"]!["name"]!);
        }
        foreach (var rs in owned)
            UpdateReplicaSetStatus(ns, rs);
        UpdateDeploymentStatus(ns, name, owned, current, currentName, desired);
    }

    private void UpdateDeploymentStatus(string ns, string name, List<JsonObject> owned, JsonObject current, string currentName, int desired)
    {
        var deployment = _objects[(KubeResource.Deployments.Plural, ns, name)];
        current = _objects[(KubeResource.ReplicaSets.Plural, ns, currentName)];
        var all = owned.SelectMany(rs => PodsOf(ns, rs)).ToList();
        var updated = PodsOf(ns, current);
        var available = all.Count(IsReady);
        var complete = updated.Count == desired && all.Count == desired && updated.Count(IsReady) == desired;
        if (Count(deployment, "updatedReplicas") != updated.Count || Count(deployment, "availableReplicas") != available || Count(deployment, "replicas") != all.Count)
            _lastProgress[(ns, name)] = DateTime.UtcNow;
        var lastProgress = _lastProgress.GetValueOrDefault((ns, name), DateTime.UtcNow);
        var previous = deployment["status"]?["conditions"] as JsonArray;
        var previousProgressing = previous?.FirstOrDefault(c => (string?)c?["type"] == "Progressing");

        var maxUnavailable = desired / 4;
        var conditions = new List<JsonObject>
        {
            available >= desired - maxUnavailable
                ? Condition("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.")
                : Condition("Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability."),
        };
        if (complete)
            conditions.Add(Condition("Progressing", "True", "NewReplicaSetAvailable", $"ReplicaSet \"{currentName}\" has successfully progressed."));
        else if (DateTime.UtcNow - lastProgress > ProgressDeadline)
            conditions.Add(Condition("Progressing", "False", "ProgressDeadlineExceeded", $"ReplicaSet \"{currentName}\" has timed out progressing."));
        else if (previousProgressing is null)
            conditions.Add(Condition("Progressing", "True", "NewReplicaSetCreated", $"Created new replica set \"{currentName}\""));
        else
            conditions.Add(Condition("Progressing", "True", "ReplicaSetUpdated", $"ReplicaSet \"{currentName}\" is progressing."));
        if (current["status"]?["conditions"] is JsonArray rsConditions && rsConditions.FirstOrDefault(c => (string?)c?["type"] == "ReplicaFailure") is { } failure)
            conditions.Add(Condition("ReplicaFailure", "True", "FailedCreate", (string)failure["message"]!));

        var status = new JsonObject
        {
            ["observedGeneration"] = deployment["metadata"]!["generation"]!.DeepClone(),
            ["replicas"] = all.Count,
            ["updatedReplicas"] = updated.Count,
            ["readyReplicas"] = available,
            ["availableReplicas"] = available,
            ["unavailableReplicas"] = Math.Max(0, desired - available),
            ["conditions"] = KeepTransitionTimes(conditions, previous),
        };
        foreach (var zero in new[] { "replicas", "updatedReplicas", "readyReplicas", "availableReplicas", "unavailableReplicas" })
            if ((int)status[zero]! == 0)
                status.Remove(zero); // the API server omits zero counts; clients must read them as 0
        var next = (JsonObject)deployment.DeepClone();
        next["status"] = status;
        Store(KubeResource.Deployments, ns, next, deployment);
    }

    private void UpdateReplicaSetStatus(string ns, JsonObject stale)
    {
        var rs = _objects[(KubeResource.ReplicaSets.Plural, ns, (string)stale["metadata"]!["name"]!)];
        var pods = PodsOf(ns, rs);
        var next = (JsonObject)rs.DeepClone();
        next["spec"]!["replicas"] = pods.Count;
        var status = next["status"] as JsonObject ?? new JsonObject();
        status["replicas"] = pods.Count;
        status["readyReplicas"] = pods.Count(IsReady);
        status["availableReplicas"] = pods.Count(IsReady);
        status["observedGeneration"] = next["metadata"]!["generation"]!.DeepClone();
        next["status"] = status;
        Store(KubeResource.ReplicaSets, ns, next, rs);
    }

    private void CreateReplicaSet(string ns, JsonObject deployment, JsonObject template, long revision)
    {
        var name = (string)deployment["metadata"]!["name"]!;
        var hash = TemplateHash(template);
        var podTemplate = (JsonObject)template.DeepClone();
        var metadata = podTemplate["metadata"] as JsonObject ?? new JsonObject();
        podTemplate["metadata"] = metadata;
        var labels = metadata["labels"] as JsonObject ?? new JsonObject();
        metadata["labels"] = labels;
        labels[HashLabel] = hash;
        var matchLabels = (deployment["spec"]?["selector"]?["matchLabels"] as JsonObject)?.DeepClone() as JsonObject ?? new JsonObject();
        matchLabels[HashLabel] = hash;
        var replicaSet = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{name}-{hash}",
                ["labels"] = labels.DeepClone(),
                ["annotations"] = new JsonObject
                {
                    [RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture),
                    ["deployment.kubernetes.io/desired-replicas"] = ((int?)deployment["spec"]?["replicas"] ?? 1).ToString(CultureInfo.InvariantCulture),
                },
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "apps/v1",
                    ["kind"] = "Deployment",
                    ["name"] = name,
                    ["uid"] = deployment["metadata"]!["uid"]!.DeepClone(),
                    ["controller"] = true,
                    ["blockOwnerDeletion"] = true,
                }),
            },
            ["spec"] = new JsonObject { ["replicas"] = 0, ["selector"] = new JsonObject { ["matchLabels"] = matchLabels }, ["template"] = podTemplate },
            ["status"] = new JsonObject { ["replicas"] = 0 },
        };
        Store(KubeResource.ReplicaSets, ns, replicaSet, previous: null);
    }

    private void SetDeploymentRevision(string ns, JsonObject deployment, long revision)
    {
        var next = (JsonObject)deployment.DeepClone();
        var annotations = next["metadata"]!["annotations"] as JsonObject ?? new JsonObject();
        next["metadata"]!["annotations"] = annotations;
        annotations[RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture);
        Store(KubeResource.Deployments, ns, next, deployment);
    }

    private void RefuseForQuota(string ns, JsonObject rs)
    {
        if (rs["status"]?["conditions"] is JsonArray)
            return;
        var rsName = (string)rs["metadata"]!["name"]!;
        var message = $"pods \"{rsName}-x7k2p\" is forbidden: exceeded quota: compute-resources, requested: limits.memory=512Mi, used: limits.memory=1536Mi, limited: limits.memory=2Gi";
        var next = (JsonObject)rs.DeepClone();
        next["status"]!["conditions"] = new JsonArray(Condition("ReplicaFailure", "True", "FailedCreate", message));
        Store(KubeResource.ReplicaSets, ns, next, rs);
        RecordEvent(ns, "ReplicaSet", rs, "Warning", "FailedCreate", $"Error creating: {message}", "replicaset-controller");
    }

    private PodBehaviour BehaviourOf(JsonObject template) =>
        (template["spec"]?["containers"] as JsonArray ?? [])
            .Select(c => ImageBehaviour((string?)c?["image"] ?? ""))
            .FirstOrDefault(b => b != PodBehaviour.Healthy, PodBehaviour.Healthy);

    private List<JsonObject> PodsOf(string ns, JsonObject rs)
    {
        var uid = (string)rs["metadata"]!["uid"]!;
        return Stored(KubeResource.Pods, ns).Where(p => OwnerUid(p) == uid).ToList();
    }

    private static int Count(JsonObject deployment, string field) => (int?)deployment["status"]?[field] ?? 0;

    private static bool IsReady(JsonObject pod) =>
        (pod["status"]?["conditions"] as JsonArray ?? []).Any(c => (string?)c?["type"] == "Ready" && (string?)c?["status"] == "True");

    private static string? OwnerUid(JsonObject obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray ?? []).FirstOrDefault(o => (bool?)o?["controller"] == true)?["uid"]?.ToString();

    private static long Revision(JsonObject obj) =>
        long.TryParse((string?)obj["metadata"]?["annotations"]?[RevisionAnnotation], CultureInfo.InvariantCulture, out var revision) ? revision : 0;

    private static bool SameTemplate(JsonObject rs, JsonObject template)
    {
        var rsTemplate = (JsonObject)rs["spec"]!["template"]!.DeepClone();
        (rsTemplate["metadata"]?["labels"] as JsonObject)?.Remove(HashLabel);
        return JsonNode.DeepEquals(rsTemplate, template);
    }

    private static string TemplateHash(JsonObject template)
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(template.ToJsonString()))
            hash = (hash ^ b) * 16777619u;
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < 10; i++, hash /= (uint)alphabet.Length)
            text.Append(alphabet[(int)(hash % (uint)alphabet.Length)]);
        return text.ToString();
    }

    private static JsonObject Condition(string type, string status, string reason, string message) => new()
    {
        ["type"] = type,
        ["status"] = status,
        ["lastUpdateTime"] = Now(),
        ["lastTransitionTime"] = Now(),
        ["reason"] = reason,
        ["message"] = message,
    };

    // A condition that did not change keeps its times, so a steady state writes nothing and watches stay quiet.
    private static JsonArray KeepTransitionTimes(List<JsonObject> conditions, JsonArray? previous)
    {
        var result = new JsonArray();
        foreach (var condition in conditions)
        {
            var same = previous?.OfType<JsonObject>().FirstOrDefault(p =>
                (string?)p["type"] == (string?)condition["type"] && (string?)p["status"] == (string?)condition["status"]
                && (string?)p["reason"] == (string?)condition["reason"] && (string?)p["message"] == (string?)condition["message"]);
            result.Add(same?.DeepClone() ?? condition);
        }
        return result;
    }
}
