using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Idp.Testing.Kubernetes;

// What the fake stores: objects by (plural, namespace, name), which manager owns which fields, a monotonic
// resourceVersion, and the change history that watches replay and follow.
public sealed partial class FakeKubernetes
{
    private readonly HashSet<string> _namespaces = [];
    private readonly HashSet<(string Verb, string Plural)> _forbidden = [];
    private readonly Dictionary<(string Plural, string Ns, string Name), JsonObject> _objects = [];
    private readonly Dictionary<(string Plural, string Ns, string Name), Dictionary<string, ManagerFields>> _owners = [];
    private readonly List<WatchEvent> _history = [];
    private readonly List<Channel<WatchEvent>> _watchers = [];
    private long _resourceVersion = 1000;
    private int _watchesToExpire;

    private sealed record ManagerFields(string Operation, string ApiVersion, HashSet<string> Fields, string Time);

    private sealed record WatchEvent(long ResourceVersion, KubeResource Resource, string Ns, string Type, JsonObject Object);

    /// <summary>Adds a namespace (requests to unknown namespaces answer 404).</summary>
    public void AddNamespace(string ns)
    {
        lock (_gate)
            _namespaces.Add(ns);
    }

    /// <summary>A copy of a stored object as JSON, or null.</summary>
    public JsonObject? Get(KubeResource resource, string ns, string name)
    {
        lock (_gate)
            return _objects.TryGetValue((resource.Plural, ns, name), out var obj) ? (JsonObject)obj.DeepClone() : null;
    }

    /// <summary>Copies of the stored objects of one type in a namespace, oldest first.</summary>
    public IReadOnlyList<JsonObject> List(KubeResource resource, string ns)
    {
        lock (_gate)
            return Stored(resource, ns).Select(o => (JsonObject)o.DeepClone()).ToList();
    }

    private IEnumerable<JsonObject> Stored(KubeResource resource, string ns) =>
        _objects.Where(e => e.Key.Plural == resource.Plural && e.Key.Ns == ns)
            .Select(e => e.Value)
            .OrderBy(o => long.Parse(((string)o["metadata"]!["uid"]!).Split('-')[^1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private long NextResourceVersion() => ++_resourceVersion;

    // Fills identity and bookkeeping and stores the object, bumping generation only when the spec changed.
    private JsonObject Store(KubeResource resource, string ns, JsonObject obj, JsonObject? previous, bool dryRun = false)
    {
        var metadata = obj["metadata"] as JsonObject ?? new JsonObject();
        obj["metadata"] = metadata;
        var name = (string)metadata["name"]!;
        metadata["namespace"] = ns;
        obj["apiVersion"] = resource.ApiVersion;
        obj["kind"] = resource.Kind;
        if (previous is null)
        {
            metadata["uid"] = $"00000000-0000-4000-8000-{NextResourceVersion():x12}";
            metadata["creationTimestamp"] = Now();
            metadata["generation"] = 1L;
        }
        else
        {
            var oldMeta = (JsonObject)previous["metadata"]!;
            metadata["uid"] = oldMeta["uid"]!.DeepClone();
            metadata["creationTimestamp"] = oldMeta["creationTimestamp"]!.DeepClone();
            var generation = oldMeta["generation"] is { } g ? long.Parse(g.ToJsonString(), CultureInfo.InvariantCulture) : 1L;
            metadata["generation"] = JsonNode.DeepEquals(previous["spec"], obj["spec"]) ? generation : generation + 1;
            metadata["resourceVersion"] = oldMeta["resourceVersion"]!.DeepClone();
            if (JsonNode.DeepEquals(previous, obj) || dryRun)
                return obj;
        }
        if (dryRun)
            return obj;
        metadata["resourceVersion"] = NextResourceVersion().ToString(CultureInfo.InvariantCulture);
        var key = (resource.Plural, ns, name);
        _objects[key] = obj;
        Publish(resource, ns, previous is null ? "ADDED" : "MODIFIED", obj);
        return obj;
    }

    private void Delete(KubeResource resource, string ns, string name)
    {
        var key = (resource.Plural, ns, name);
        if (!_objects.Remove(key, out var obj))
            return;
        _owners.Remove(key);
        obj["metadata"]!["resourceVersion"] = NextResourceVersion().ToString(CultureInfo.InvariantCulture);
        Publish(resource, ns, "DELETED", obj);
    }

    private void Publish(KubeResource resource, string ns, string type, JsonObject obj)
    {
        var rv = long.Parse((string)obj["metadata"]!["resourceVersion"]!, CultureInfo.InvariantCulture);
        var change = new WatchEvent(rv, resource, ns, type, (JsonObject)obj.DeepClone());
        _history.Add(change);
        foreach (var watcher in _watchers)
            watcher.Writer.TryWrite(change);
    }

    private static void RenderManagedFields(JsonObject obj, Dictionary<string, ManagerFields> owners)
    {
        var entries = new JsonArray();
        {
            foreach (var (manager, owned) in owners.Where(o => o.Value.Fields.Count > 0))
            {
                entries.Add(new JsonObject
                {
                    ["manager"] = manager,
                    ["operation"] = owned.Operation,
                    ["apiVersion"] = owned.ApiVersion,
                    ["time"] = owned.Time,
                    ["fieldsType"] = "FieldsV1",
                    ["fieldsV1"] = FieldOwnership.ToFieldsV1(owned.Fields),
                });
            }
        }
        obj["metadata"]!["managedFields"] = entries;
    }
}
