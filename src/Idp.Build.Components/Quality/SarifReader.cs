using System.Text.Json;
using Idp.Build.Components.Descriptor;

namespace Idp.Build.Components.Quality;

/// <summary>
/// Reads analyzer findings from the compiler's SARIF 2.1 logs (<c>ErrorLog</c>): results without suppressions,
/// with paths made relative to the root. Findings reported by several target frameworks count once.
/// </summary>
public static class SarifReader
{
    public static IReadOnlyList<AnalyzerIssue> Read(IEnumerable<string> files, string rootDirectory)
    {
        var issues = new List<AnalyzerIssue>();
        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var run in Array(document.RootElement, "runs"))
            {
                foreach (var result in Array(run, "results"))
                {
                    if (Array(result, "suppressions").Any())
                        continue;
                    var location = Array(result, "locations").Select(l => l.TryGetProperty("physicalLocation", out var p) ? p : default).FirstOrDefault();
                    issues.Add(new AnalyzerIssue(
                        String(result, "ruleId") ?? "unknown",
                        Level(String(result, "level")),
                        result.TryGetProperty("message", out var message) ? String(message, "text") ?? "" : "",
                        RelativePath(location, rootDirectory),
                        location.ValueKind == JsonValueKind.Object && location.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var line) ? line.GetInt32() : 0));
                }
            }
        }
        return issues.Distinct().OrderBy(i => i.File, StringComparer.Ordinal).ThenBy(i => i.Line).ThenBy(i => i.RuleId, StringComparer.Ordinal).ToArray();
    }

    // SARIF's default level for a result is "warning".
    private static IssueSeverity Level(string? level) => level switch
    {
        "error" => IssueSeverity.Error,
        "note" => IssueSeverity.Note,
        "none" => IssueSeverity.None,
        _ => IssueSeverity.Warning,
    };

    private static string RelativePath(JsonElement location, string rootDirectory)
    {
        if (location.ValueKind != JsonValueKind.Object || !location.TryGetProperty("artifactLocation", out var artifact) || String(artifact, "uri") is not { } uri)
            return "";
        var path = Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile ? absolute.LocalPath : Uri.UnescapeDataString(uri);
        return Path.IsPathRooted(path) ? Path.GetRelativePath(rootDirectory, path).Replace('\\', '/') : path.Replace('\\', '/');
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
