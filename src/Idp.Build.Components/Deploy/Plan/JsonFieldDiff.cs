using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Idp.Build.Components.Deploy.Plan;

// Walks two JSON documents side by side and lists the leaves that differ, by readable field path.
internal static partial class JsonFieldDiff
{
    private static readonly HashSet<string> ServerManaged =
    [
        "status",
        "metadata.managedFields",
        "metadata.resourceVersion",
        "metadata.uid",
        "metadata.generation",
        "metadata.creationTimestamp",
        "metadata.selfLink",
        "metadata.annotations[\"deployment.kubernetes.io/revision\"]",
    ];

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<FieldChange> Compare(JsonNode before, JsonNode after, bool redactData)
    {
        var changes = new List<FieldChange>();
        new Walk(changes, redactData).Node("", before, after);
        return changes;
    }

    private sealed class Walk(List<FieldChange> changes, bool redactData)
    {
        public void Node(string path, JsonNode? before, JsonNode? after)
        {
            if (ServerManaged.Contains(path))
                return;
            switch (before, after)
            {
                case (JsonObject or null, JsonObject) or (JsonObject, null):
                    Object(path, before as JsonObject, after as JsonObject);
                    break;
                case (JsonArray or null, JsonArray) or (JsonArray, null) when IsNamedList(before) && IsNamedList(after):
                    NamedList(path, before as JsonArray, after as JsonArray);
                    break;
                case (JsonArray b, JsonArray a) when b.Concat(a).All(i => i is JsonObject):
                    IndexedList(path, b, a);
                    break;
                default:
                    if (JsonNode.DeepEquals(before, after))
                        break;
                    // A Secret's values (base64 or not) are never shown: only that a key is added, removed or changed.
                    changes.Add(redactData && IsSecretData(path)
                        ? new FieldChange(path, KindOf(before, after), null, null, IsRedacted: true)
                        : new FieldChange(path, KindOf(before, after), Text(before), Text(after), IsRedacted: false));
                    break;
            }
        }

        private void Object(string path, JsonObject? before, JsonObject? after)
        {
            var keys = (before?.Select(p => p.Key) ?? []).Union(after?.Select(p => p.Key) ?? []).Order(StringComparer.Ordinal);
            foreach (var key in keys)
                Node(Child(path, key), before?[key], after?[key]);
        }

        private void NamedList(string path, JsonArray? before, JsonArray? after)
        {
            var names = (after ?? []).Concat(before ?? []).Select(NameOf).Distinct(StringComparer.Ordinal);
            foreach (var name in names)
                Node($"{path}[{name}]", before?.FirstOrDefault(i => NameOf(i) == name), after?.FirstOrDefault(i => NameOf(i) == name));
        }

        private void IndexedList(string path, JsonArray before, JsonArray after)
        {
            for (var i = 0; i < Math.Max(before.Count, after.Count); i++)
                Node($"{path}[{i}]", i < before.Count ? before[i] : null, i < after.Count ? after[i] : null);
        }

        private static bool IsSecretData(string path) => IsUnder(path, "data") || IsUnder(path, "stringData");

        private static bool IsUnder(string path, string root) =>
            path == root || path.StartsWith(root + ".", StringComparison.Ordinal) || path.StartsWith(root + "[", StringComparison.Ordinal);
    }

    // Containers, ports, env vars and volumes are lists of objects with unique names: address them by name.
    private static bool IsNamedList(JsonNode? node) => node switch
    {
        null => true,
        JsonArray array => array.Select(NameOf).ToArray() is var names && names.All(n => n is not null) &&
            names.Distinct(StringComparer.Ordinal).Count() == names.Length,
        _ => false,
    };

    private static string? NameOf(JsonNode? item) =>
        item is JsonObject o && o["name"] is JsonValue v && v.TryGetValue<string>(out var name) ? name : null;

    private static string Child(string path, string key)
    {
        var segment = PlainKey().IsMatch(key) ? key : $"[\"{key}\"]";
        return path.Length == 0 || segment.StartsWith('[') ? path + segment : $"{path}.{segment}";
    }

    private static FieldChangeKind KindOf(JsonNode? before, JsonNode? after) =>
        before is null ? FieldChangeKind.Added : after is null ? FieldChangeKind.Removed : FieldChangeKind.Changed;

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text.Replace("\n", "\\n", StringComparison.Ordinal),
        _ => node.ToJsonString(Compact),
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainKey();
}
