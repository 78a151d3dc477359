using System.Text.Json.Nodes;

namespace Idp.Testing.Kubernetes;

/// <summary>The <c>Status</c> objects the API server answers errors with (api-contracts.md §2.1, item 8 of the fake's list).</summary>
public static class KubeStatus
{
    /// <summary>A failure Status body.</summary>
    public static JsonObject Failure(int code, string reason, string message, JsonObject? details = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
            status["details"] = details;
        status["code"] = code;
        return status;
    }

    public static JsonObject NotFound(KubeResource resource, string name) =>
        Failure(404, "NotFound", $"{resource.QualifiedName} \"{name}\" not found", Details(resource, name));

    public static JsonObject NamespaceNotFound(string ns) =>
        Failure(404, "NotFound", $"namespaces \"{ns}\" not found", new JsonObject { ["name"] = ns, ["kind"] = "namespaces" });

    public static JsonObject AlreadyExists(KubeResource resource, string name) =>
        Failure(409, "AlreadyExists", $"{resource.QualifiedName} \"{name}\" already exists", Details(resource, name));

    public static JsonObject Unauthorized() => Failure(401, "Unauthorized", "Unauthorized");

    public static JsonObject Forbidden(KubeResource resource, string? name, string verb, string ns, string user) =>
        Failure(
            403,
            "Forbidden",
            $"{resource.QualifiedName}{(name is null ? "" : $" \"{name}\"")} is forbidden: User \"{user}\" cannot {verb} resource \"{resource.Plural}\" in API group \"{resource.Group}\" in the namespace \"{ns}\"",
            Details(resource, name));

    public static JsonObject BadRequest(string message) => Failure(400, "BadRequest", message);

    public static JsonObject UnsupportedMediaType(string contentType) =>
        Failure(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml (got {contentType})");

    public static JsonObject FieldManagerRequired() =>
        Failure(
            422,
            "Invalid",
            "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch",
            new JsonObject
            {
                ["group"] = "meta.k8s.io",
                ["kind"] = "PatchOptions",
                ["causes"] = new JsonArray(new JsonObject { ["reason"] = "FieldValueRequired", ["message"] = "Required value: is required for apply patch", ["field"] = "fieldManager" }),
            });

    public static JsonObject ForceForbidden() =>
        Failure(
            422,
            "Invalid",
            "PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch",
            new JsonObject
            {
                ["group"] = "meta.k8s.io",
                ["kind"] = "PatchOptions",
                ["causes"] = new JsonArray(new JsonObject { ["reason"] = "FieldValueForbidden", ["message"] = "Forbidden: may not be specified for non-apply patch", ["field"] = "force" }),
            });

    public static JsonObject Invalid(KubeResource resource, string name, string field, string message) =>
        Failure(
            422,
            "Invalid",
            $"{resource.Kind}.{(resource.Group.Length == 0 ? "" : resource.Group)} \"{name}\" is invalid: {field}: {message}",
            new JsonObject
            {
                ["name"] = name,
                ["group"] = resource.Group,
                ["kind"] = resource.Kind,
                ["causes"] = new JsonArray(new JsonObject { ["reason"] = "FieldValueInvalid", ["message"] = message, ["field"] = field }),
            });

    public static JsonObject Conflict(KubeResource resource, string name, IReadOnlyList<(string Manager, string Field)> conflicts)
    {
        var causes = new JsonArray();
        foreach (var (manager, field) in conflicts)
            causes.Add(new JsonObject { ["reason"] = "FieldManagerConflict", ["message"] = $"conflict with \"{manager}\" using {resource.ApiVersion}", ["field"] = field });
        var lines = conflicts.Select(c => $"conflict with \"{c.Manager}\" using {resource.ApiVersion}: {c.Field}");
        var message = conflicts.Count == 1
            ? $"Apply failed with 1 conflict: {lines.Single()}"
            : $"Apply failed with {conflicts.Count} conflicts: {string.Join("\n", lines)}";
        var details = Details(resource, name);
        details["causes"] = causes;
        return Failure(409, "Conflict", message, details);
    }

    public static JsonObject Expired(long requested, long oldest) =>
        Failure(410, "Expired", $"too old resource version: {requested} ({oldest})");

    private static JsonObject Details(KubeResource resource, string? name)
    {
        var details = new JsonObject();
        if (name is not null)
            details["name"] = name;
        details["group"] = resource.Group;
        details["kind"] = resource.Plural;
        return details;
    }
}
