using System.Text.Json.Nodes;

namespace Idp.Testing.Kubernetes;

// labelSelector (k=v, k==v, k!=v, k, !k) and fieldSelector (dotted.path=v, !=) as the API server reads them.
internal static class Selectors
{
    public static bool MatchesLabels(JsonObject obj, string? selector)
    {
        if (string.IsNullOrEmpty(selector))
            return true;
        var labels = obj["metadata"]?["labels"] as JsonObject;
        return Requirements(selector).All(r => r.Operator switch
        {
            "=" => (string?)labels?[r.Key] == r.Value,
            "!=" => (string?)labels?[r.Key] != r.Value,
            "exists" => labels?.ContainsKey(r.Key) == true,
            _ => labels?.ContainsKey(r.Key) != true,
        });
    }

    public static bool MatchesFields(JsonObject obj, string? selector)
    {
        if (string.IsNullOrEmpty(selector))
            return true;
        return Requirements(selector).All(r =>
        {
            JsonNode? node = obj;
            foreach (var segment in r.Key.Split('.'))
                node = node is JsonObject o ? o[segment] : null;
            var value = node?.ToString() ?? "";
            return r.Operator == "!=" ? value != r.Value : value == r.Value;
        });
    }

    private static IEnumerable<(string Key, string Operator, string Value)> Requirements(string selector)
    {
        foreach (var part in selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Contains("!=", StringComparison.Ordinal))
            {
                var at = part.IndexOf("!=", StringComparison.Ordinal);
                yield return (part[..at], "!=", part[(at + 2)..]);
            }
            else if (part.Contains('=', StringComparison.Ordinal))
            {
                var at = part.IndexOf('=', StringComparison.Ordinal);
                yield return (part[..at], "=", part[(at + 1)..].TrimStart('='));
            }
            else if (part.StartsWith('!'))
                yield return (part[1..], "absent", "");
            else
                yield return (part, "exists", "");
        }
    }
}
