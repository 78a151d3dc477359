using System.Text.Json.Nodes;

namespace Idp.Testing.Kubernetes;

// Server-side apply's bookkeeping, simplified: a field is a leaf path (objects are recursed into; lists and scalars
// are whole fields), each manager owns a set of them, and managedFields renders those sets as FieldsV1.
internal static class FieldOwnership
{
    // Keys such as annotation names contain dots, so paths join segments with a separator no key holds.
    public const char Sep = '\u001f';

    private static readonly HashSet<string> SystemMetadata = ["name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "ownerReferences"];

    /// <summary>The fields an applied configuration sets: every leaf below the object, except identity and status.</summary>
    public static HashSet<string> FieldsOf(JsonObject configuration)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in configuration)
        {
            if (key is "apiVersion" or "kind" or "status")
                continue;
            if (key == "metadata" && value is JsonObject metadata)
            {
                foreach (var (metaKey, metaValue) in metadata)
                    if (!SystemMetadata.Contains(metaKey))
                        Collect(metaValue, $"{Sep}metadata{Sep}{metaKey}", fields);
                continue;
            }
            Collect(value, $"{Sep}{key}", fields);
        }
        return fields;
    }

    /// <summary>A field as Kubernetes prints it in conflicts: <c>.spec.replicas</c>.</summary>
    public static string Display(string field) => field.Replace(Sep, '.');

    public static JsonNode? Get(JsonObject root, string field)
    {
        JsonNode? current = root;
        foreach (var segment in field.Split(Sep, StringSplitOptions.RemoveEmptyEntries))
        {
            current = current is JsonObject obj ? obj[segment] : null;
            if (current is null)
                return null;
        }
        return current;
    }

    public static void Remove(JsonObject root, string field)
    {
        var segments = field.Split(Sep, StringSplitOptions.RemoveEmptyEntries);
        var parent = segments.Length == 1 ? root : Get(root, Sep + string.Join(Sep, segments[..^1])) as JsonObject;
        parent?.Remove(segments[^1]);
    }

    /// <summary>Merges an applied configuration into an object: objects merge key by key, everything else replaces.</summary>
    public static void MergeInto(JsonObject target, JsonObject configuration)
    {
        foreach (var (key, value) in configuration)
        {
            if (value is JsonObject child && target[key] is JsonObject existing)
                MergeInto(existing, child);
            else
                target[key] = value?.DeepClone();
        }
    }

    /// <summary>A manager's fields as FieldsV1 (<c>{"f:spec":{"f:replicas":{}}}</c>).</summary>
    public static JsonObject ToFieldsV1(IEnumerable<string> fields)
    {
        var root = new JsonObject();
        foreach (var field in fields.Order(StringComparer.Ordinal))
        {
            var node = root;
            foreach (var segment in field.Split(Sep, StringSplitOptions.RemoveEmptyEntries))
            {
                var key = "f:" + segment;
                if (node[key] is not JsonObject next)
                {
                    next = new JsonObject();
                    node[key] = next;
                }
                node = next;
            }
        }
        return root;
    }

    /// <summary>The leaf fields whose values differ between two versions of an object (for Update ownership).</summary>
    public static HashSet<string> ChangedFields(JsonObject before, JsonObject after)
    {
        var fields = FieldsOf(before);
        fields.UnionWith(FieldsOf(after));
        fields.RemoveWhere(f => JsonNode.DeepEquals(Get(before, f), Get(after, f)));
        return fields;
    }

    private static void Collect(JsonNode? node, string path, HashSet<string> fields)
    {
        if (node is JsonObject obj && obj.Count > 0)
        {
            foreach (var (key, value) in obj)
                Collect(value, $"{path}{Sep}{key}", fields);
        }
        else
        {
            fields.Add(path);
        }
    }
}
