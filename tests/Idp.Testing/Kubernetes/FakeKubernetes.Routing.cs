using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Idp.Testing.Kubernetes;

// One entry point: record, authenticate, resolve the path to (resource, namespace, name, subresource), check the
// namespace and RBAC switches, then dispatch on the method. Paths are built client-side by KubernetesClient, so
// no discovery endpoints are needed.
public sealed partial class FakeKubernetes
{
    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
            body = await reader.ReadToEndAsync().ConfigureAwait(false);
        _requests.Enqueue(new FakeKubernetesRequest(request.Method, $"{request.Path}{request.QueryString}", request.ContentType, body));

        if (request.Headers.Authorization != $"Bearer {Token}")
        {
            await WriteAsync(context, 401, KubeStatus.Unauthorized()).ConfigureAwait(false);
            return;
        }
        if (!TryResolve(request.Path.Value!, out var resource, out var ns, out var name, out var subresource))
        {
            await WriteAsync(context, 404, KubeStatus.Failure(404, "NotFound", "the server could not find the requested resource")).ConfigureAwait(false);
            return;
        }
        var isWatch = request.Query["watch"] is var w && (w == "true" || w == "1");
        var verb = request.Method switch
        {
            "GET" when name is null => isWatch ? "watch" : "list",
            "GET" => "get",
            "POST" => "create",
            "PATCH" => "patch",
            "DELETE" => "delete",
            _ => request.Method.ToLowerInvariant(),
        };
        bool known, forbidden;
        lock (_gate)
        {
            known = _namespaces.Contains(ns);
            forbidden = _forbidden.Contains((verb, resource.Plural));
        }
        if (forbidden)
        {
            await WriteAsync(context, 403, KubeStatus.Forbidden(resource, name, verb, ns, User)).ConfigureAwait(false);
            return;
        }
        if (!known)
        {
            await WriteAsync(context, 404, KubeStatus.NamespaceNotFound(ns)).ConfigureAwait(false);
            return;
        }

        if (verb == "watch")
        {
            await WatchAsync(context, resource, ns).ConfigureAwait(false);
            return;
        }
        if (subresource == "log" && resource == KubeResource.Pods && verb == "get")
        {
            await WriteLogAsync(context, ns, name!).ConfigureAwait(false);
            return;
        }
        var (status, answer) = verb switch
        {
            "get" => GetOne(resource, ns, name!),
            "list" => ListMatching(resource, ns, request.Query["labelSelector"], request.Query["fieldSelector"]),
            "create" => Create(resource, ns, body, IsDryRun(request)),
            "patch" when name is not null => Patch(request, resource, ns, name, body),
            "delete" when name is not null => DeleteOne(resource, ns, name),
            _ => (405, KubeStatus.Failure(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource")),
        };
        await WriteAsync(context, status, answer).ConfigureAwait(false);
    }

    private static bool TryResolve(string path, out KubeResource resource, out string ns, out string? name, out string? subresource)
    {
        resource = KubeResource.Pods;
        ns = "";
        name = subresource = null;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        string group, version;
        string[] rest;
        if (segments is ["api", var coreVersion, .. var coreRest])
            (group, version, rest) = ("", coreVersion, coreRest);
        else if (segments is ["apis", var g, var v, .. var groupRest])
            (group, version, rest) = (g, v, groupRest);
        else
            return false;
        if (rest is not ["namespaces", var n, var plural, .. var tail] || tail.Length > 2)
            return false;
        var found = KubeResource.Find(group, version, plural);
        if (found is null)
            return false;
        (resource, ns) = (found, n);
        name = tail.Length > 0 ? tail[0] : null;
        subresource = tail.Length > 1 ? tail[1] : null;
        return true;
    }

    private static bool IsDryRun(HttpRequest request) => request.Query["dryRun"] == "All";

    private (int, JsonObject) GetOne(KubeResource resource, string ns, string name)
    {
        lock (_gate)
            return _objects.TryGetValue((resource.Plural, ns, name), out var obj) ? (200, (JsonObject)obj.DeepClone()) : (404, KubeStatus.NotFound(resource, name));
    }

    private (int, JsonObject) ListMatching(KubeResource resource, string ns, string? labelSelector, string? fieldSelector)
    {
        lock (_gate)
        {
            var items = new JsonArray();
            foreach (var obj in Stored(resource, ns).Where(o => Selectors.MatchesLabels(o, labelSelector) && Selectors.MatchesFields(o, fieldSelector)))
                items.Add(obj.DeepClone());
            return (200, new JsonObject
            {
                ["apiVersion"] = resource.ApiVersion,
                ["kind"] = resource.Kind + "List",
                ["metadata"] = new JsonObject { ["resourceVersion"] = _resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["items"] = items,
            });
        }
    }

    private (int, JsonObject) Create(KubeResource resource, string ns, string body, bool dryRun)
    {
        if (!TryParseObject(body, out var obj) || obj["metadata"]?["name"] is null)
            return (400, KubeStatus.BadRequest("the object provided is unrecognized or has no metadata.name"));
        var name = (string)obj["metadata"]!["name"]!;
        lock (_gate)
        {
            if (_objects.ContainsKey((resource.Plural, ns, name)))
                return (409, KubeStatus.AlreadyExists(resource, name));
            obj.Remove("status");
            ApplyDefaults(resource, ns, obj);
            var stored = Store(resource, ns, obj, previous: null, dryRun);
            return (201, (JsonObject)stored.DeepClone());
        }
    }

    private (int, JsonObject) DeleteOne(KubeResource resource, string ns, string name)
    {
        lock (_gate)
        {
            if (!_objects.TryGetValue((resource.Plural, ns, name), out var obj))
                return (404, KubeStatus.NotFound(resource, name));
            Delete(resource, ns, name);
            return (200, (JsonObject)obj.DeepClone());
        }
    }

    private static bool TryParseObject(string body, out JsonObject obj)
    {
        try
        {
            obj = JsonNode.Parse(body) as JsonObject ?? new JsonObject();
            return obj.Count > 0;
        }
        catch (JsonException)
        {
            obj = new JsonObject();
            return false;
        }
    }

    private static Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }
}
