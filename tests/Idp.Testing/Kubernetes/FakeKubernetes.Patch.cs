using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Idp.Testing.Kubernetes;

// PATCH dispatch on the Content-Type (api-contracts.md §2.1): server-side apply with field ownership and conflicts,
// JSON Patch and JSON Merge Patch (Update operations), strategic merge for built-in types only.
public sealed partial class FakeKubernetes
{
    private const string ApplyPatch = "application/apply-patch+yaml";
    private const string JsonPatch = "application/json-patch+json";
    private const string MergePatch = "application/merge-patch+json";
    private const string StrategicMergePatch = "application/strategic-merge-patch+json";

    private (int, JsonObject) Patch(HttpRequest request, KubeResource resource, string ns, string name, string body)
    {
        var contentType = request.ContentType?.Split(';')[0].Trim() ?? "";
        string? manager = request.Query["fieldManager"];
        var dryRun = IsDryRun(request);
        if (contentType == ApplyPatch)
        {
            if (string.IsNullOrEmpty(manager))
                return (422, KubeStatus.FieldManagerRequired());
            if (!TryParseObject(body, out var configuration))
                return (400, KubeStatus.BadRequest("error decoding apply patch: the fake accepts JSON apply bodies only (JSON is valid YAML)"));
            return Apply(resource, ns, name, configuration, manager, request.Query["force"] == "true", dryRun);
        }
        if (contentType is not (JsonPatch or MergePatch) && !(contentType == StrategicMergePatch && !resource.IsCustom))
            return (415, KubeStatus.UnsupportedMediaType(contentType));
        if (request.Query.ContainsKey("force"))
            return (422, KubeStatus.ForceForbidden());
        manager = string.IsNullOrEmpty(manager) ? request.Headers.UserAgent.ToString().Split('/')[0] : manager;
        return Update(resource, ns, name, contentType, body, manager, dryRun);
    }

    private (int, JsonObject) Apply(KubeResource resource, string ns, string name, JsonObject configuration, string manager, bool force, bool dryRun)
    {
        var apiVersion = (string?)configuration["apiVersion"];
        var kind = (string?)configuration["kind"];
        if (apiVersion != resource.ApiVersion || kind != resource.Kind)
            return (400, KubeStatus.BadRequest($"the apply body must have apiVersion \"{resource.ApiVersion}\" and kind \"{resource.Kind}\" (got \"{apiVersion}\" and \"{kind}\")"));
        if ((string?)configuration["metadata"]?["name"] != name)
            return (400, KubeStatus.BadRequest($"the name of the object ({(string?)configuration["metadata"]?["name"]}) does not match the name on the URL ({name})"));
        if (configuration["metadata"]?["managedFields"] is not null)
            return (400, KubeStatus.BadRequest("metadata.managedFields must be nil"));

        lock (_gate)
        {
            var key = (resource.Plural, ns, name);
            _objects.TryGetValue(key, out var existing);
            var owners = _owners.TryGetValue(key, out var current)
                ? current.ToDictionary(o => o.Key, o => o.Value with { Fields = [.. o.Value.Fields] })
                : [];
            var applied = FieldOwnership.FieldsOf(configuration);
            if (existing is not null && !force)
            {
                var conflicts = applied
                    .SelectMany(f => owners.Where(o => o.Key != manager && o.Value.Fields.Contains(f)).Select(o => (Manager: o.Key, Field: f)))
                    .Where(c => !JsonNode.DeepEquals(FieldOwnership.Get(existing, c.Field), FieldOwnership.Get(configuration, c.Field)))
                    .Select(c => (c.Manager, FieldOwnership.Display(c.Field)))
                    .ToList();
                if (conflicts.Count > 0)
                    return (409, KubeStatus.Conflict(resource, name, conflicts));
            }

            var result = existing is null ? new JsonObject() : (JsonObject)existing.DeepClone();
            if (owners.TryGetValue(manager, out var before))
            {
                // A field this manager applied before and dropped now is removed, unless someone else also owns it.
                foreach (var dropped in before.Fields.Where(f => !applied.Contains(f) && !owners.Any(o => o.Key != manager && o.Value.Fields.Contains(f))))
                    FieldOwnership.Remove(result, dropped);
            }
            var withoutStatus = (JsonObject)configuration.DeepClone();
            withoutStatus.Remove("status");
            FieldOwnership.MergeInto(result, withoutStatus);
            ApplyDefaults(resource, ns, result);

            if (force)
                foreach (var other in owners.Where(o => o.Key != manager))
                    other.Value.Fields.ExceptWith(applied);
            owners[manager] = before is not null && before.Operation == "Apply" && before.Fields.SetEquals(applied)
                ? before
                : new ManagerFields("Apply", resource.ApiVersion, applied, Now());
            RenderManagedFields(result, owners);

            var stored = Store(resource, ns, result, existing, dryRun);
            if (!dryRun)
                _owners[key] = owners;
            return (existing is null ? 201 : 200, (JsonObject)stored.DeepClone());
        }
    }

    private (int, JsonObject) Update(KubeResource resource, string ns, string name, string contentType, string body, string manager, bool dryRun)
    {
        lock (_gate)
        {
            var key = (resource.Plural, ns, name);
            if (!_objects.TryGetValue(key, out var existing))
                return (404, KubeStatus.NotFound(resource, name));
            JsonObject patched;
            try
            {
                patched = contentType == JsonPatch
                    ? JsonPatches.ApplyJsonPatch(existing, JsonNode.Parse(body) as JsonArray ?? throw new FormatException("a JSON Patch must be an array of operations"))
                    : JsonPatches.ApplyMergePatch(existing, JsonNode.Parse(body) as JsonObject ?? throw new FormatException("a merge patch must be an object"));
            }
            catch (Exception e) when (e is FormatException or JsonException or ArgumentOutOfRangeException)
            {
                return (422, KubeStatus.Failure(422, "Invalid", $"the patch could not be applied: {e.Message}"));
            }
            patched["status"] = existing["status"]?.DeepClone();
            if (patched["status"] is null)
                patched.Remove("status");
            patched["metadata"]!["name"] = name;

            var owners = _owners.TryGetValue(key, out var current)
                ? current.ToDictionary(o => o.Key, o => o.Value with { Fields = [.. o.Value.Fields] })
                : [];
            var changed = FieldOwnership.ChangedFields(existing, patched);
            if (changed.Count > 0)
            {
                foreach (var other in owners.Where(o => o.Key != manager))
                    other.Value.Fields.ExceptWith(changed);
                var mine = owners.TryGetValue(manager, out var had) && had.Operation == "Update" ? had.Fields : [];
                mine.UnionWith(changed);
                owners[manager] = new ManagerFields("Update", resource.ApiVersion, mine, Now());
            }
            ApplyDefaults(resource, ns, patched);
            RenderManagedFields(patched, owners);
            var stored = Store(resource, ns, patched, existing, dryRun);
            if (!dryRun)
                _owners[key] = owners;
            return (200, (JsonObject)stored.DeepClone());
        }
    }

    // What the API server's defaulting and admission add: enough for the objects to read like a cluster's.
    private static void ApplyDefaults(KubeResource resource, string ns, JsonObject obj)
    {
        var name = (string)obj["metadata"]!["name"]!;
        if (resource == KubeResource.Deployments && obj["spec"] is JsonObject deploymentSpec)
        {
            deploymentSpec["replicas"] ??= 1;
            deploymentSpec["revisionHistoryLimit"] ??= 10;
            deploymentSpec["progressDeadlineSeconds"] ??= 600;
            deploymentSpec["strategy"] ??= new JsonObject
            {
                ["type"] = "RollingUpdate",
                ["rollingUpdate"] = new JsonObject { ["maxUnavailable"] = "25%", ["maxSurge"] = "25%" },
            };
        }
        else if (resource == KubeResource.Services && obj["spec"] is JsonObject serviceSpec)
        {
            serviceSpec["type"] ??= "ClusterIP";
            serviceSpec["clusterIP"] ??= $"172.30.{name.Length % 250}.{(name.GetHashCode(StringComparison.Ordinal) & 0x7f) + 1}";
        }
        else if (resource == KubeResource.Secrets)
        {
            obj["type"] ??= "Opaque";
            if (obj["stringData"] is JsonObject stringData)
            {
                var data = obj["data"] as JsonObject ?? new JsonObject();
                foreach (var (key, value) in stringData)
                    data[key] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes((string?)value ?? ""));
                obj["data"] = data;
                obj.Remove("stringData");
            }
        }
        else if (resource == KubeResource.Routes && obj["spec"] is JsonObject routeSpec)
        {
            // The router admits every route at once here; on a cluster this happens a moment after the apply.
            if (string.IsNullOrEmpty((string?)routeSpec["host"]))
                routeSpec["host"] = $"{name}-{ns}.apps.fake.example";
            var host = (string)routeSpec["host"]!;
            if ((string?)obj["status"]?["ingress"]?[0]?["host"] != host)
            {
                obj["status"] = new JsonObject
                {
                    ["ingress"] = new JsonArray(new JsonObject
                    {
                        ["host"] = host,
                        ["routerName"] = "default",
                        ["wildcardPolicy"] = "None",
                        ["routerCanonicalHostname"] = "router-default.apps.fake.example",
                        ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Admitted", ["status"] = "True", ["lastTransitionTime"] = Now() }),
                    }),
                };
            }
        }
    }
}
