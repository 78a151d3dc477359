using System.Text.Json.Nodes;

namespace Idp.Testing.Kubernetes;

/// <summary>JSON Patch (RFC 6902: add, remove, replace, test) and JSON Merge Patch (RFC 7386) on <see cref="JsonNode"/>s.</summary>
public static class JsonPatches
{
    /// <summary>Applies a JSON Patch to a copy of <paramref name="target"/>; throws <see cref="FormatException"/> on a bad operation.</summary>
    public static JsonObject ApplyJsonPatch(JsonObject target, JsonArray operations)
    {
        var result = (JsonObject)target.DeepClone();
        foreach (var operation in operations.OfType<JsonObject>())
        {
            var op = (string?)operation["op"] ?? throw new FormatException("a JSON Patch operation has no \"op\"");
            var path = (string?)operation["path"] ?? throw new FormatException($"the \"{op}\" operation has no \"path\"");
            var segments = path.Split('/').Skip(1).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
            if (segments.Length == 0)
                throw new FormatException("replacing the whole object is not supported");
            var parent = Navigate(result, segments[..^1]) ?? throw new FormatException($"path \"{path}\" does not exist");
            var last = segments[^1];
            switch (op)
            {
                case "add":
                case "replace":
                    var value = operation["value"]?.DeepClone();
                    if (parent is JsonObject obj)
                    {
                        if (op == "replace" && !obj.ContainsKey(last))
                            throw new FormatException($"replace operation does not apply: doc is missing key: {path}");
                        obj[last] = value;
                    }
                    else if (parent is JsonArray array)
                    {
                        if (last == "-")
                            array.Add(value);
                        else if (op == "add")
                            array.Insert(int.Parse(last, System.Globalization.CultureInfo.InvariantCulture), value);
                        else
                            array[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = value;
                    }
                    break;
                case "remove":
                    if (parent is JsonObject o && !o.Remove(last))
                        throw new FormatException($"remove operation does not apply: doc is missing key: {path}");
                    if (parent is JsonArray a)
                        a.RemoveAt(int.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case "test":
                    var current = parent is JsonObject t ? t[last] : ((JsonArray)parent)[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)];
                    if (!JsonNode.DeepEquals(current, operation["value"]))
                        throw new FormatException($"testing value {path} failed");
                    break;
                default:
                    throw new FormatException($"unsupported JSON Patch operation \"{op}\"");
            }
        }
        return result;
    }

    /// <summary>Applies a JSON Merge Patch to a copy of <paramref name="target"/>: objects merge, null removes, anything else replaces.</summary>
    public static JsonObject ApplyMergePatch(JsonObject target, JsonObject patch)
    {
        var result = (JsonObject)target.DeepClone();
        Merge(result, patch);
        return result;
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
                target.Remove(key);
            else if (value is JsonObject patchChild && target[key] is JsonObject targetChild)
                Merge(targetChild, patchChild);
            else if (value is JsonObject newChild)
            {
                var fresh = new JsonObject();
                Merge(fresh, newChild);
                target[key] = fresh;
            }
            else
                target[key] = value.DeepClone();
        }
    }

    private static JsonNode? Navigate(JsonNode node, string[] segments)
    {
        JsonNode? current = node;
        foreach (var segment in segments)
        {
            current = current switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (current is null)
                return null;
        }
        return current;
    }
}
