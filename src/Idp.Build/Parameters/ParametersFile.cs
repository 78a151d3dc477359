using System.Text.Json;

namespace Idp.Build.Parameters;

/// <summary><c>.nuke/parameters.json</c> or <c>.nuke/parameters.&lt;profile&gt;.json</c>: parameter names to values.</summary>
internal sealed class ParametersFile
{
    private ParametersFile(string path, Dictionary<string, (string Key, IReadOnlyList<string> Values)> values)
    {
        Path = path;
        Values = values;
    }

    public string Path { get; }

    /// <summary>Normalized name → the key as written and its values.</summary>
    public Dictionary<string, (string Key, IReadOnlyList<string> Values)> Values { get; }

    public static IReadOnlyList<ParametersFile> Load(string nukeDirectory, IReadOnlyList<string> profiles)
    {
        var files = new List<ParametersFile>();
        var defaultFile = System.IO.Path.Combine(nukeDirectory, "parameters.json");
        if (File.Exists(defaultFile))
            files.Add(Read(defaultFile));
        foreach (var profile in profiles)
        {
            var path = System.IO.Path.Combine(nukeDirectory, $"parameters.{profile}.json");
            if (!File.Exists(path))
            {
                var known = Directory.Exists(nukeDirectory)
                    ? Directory.GetFiles(nukeDirectory, "parameters.*.json").Select(f => System.IO.Path.GetFileName(f)["parameters.".Length..^".json".Length])
                    : [];
                throw new BuildException(
                    $"Profile '{profile}' was requested with --profile, but {path} does not exist. " +
                    $"Known profiles: {string.Join(", ", known.DefaultIfEmpty("(none)"))}. Create the file or pick a known profile.");
            }
            files.Add(Read(path));
        }
        return files;
    }

    private static ParametersFile Read(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new BuildException($"{path} is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): {e.Message.Split(" Path:")[0]} Fix the file or delete it.");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new BuildException($"{path} must hold a JSON object of parameter names to values, e.g. {{ \"Configuration\": \"Release\" }}.");
            var values = new Dictionary<string, (string, IReadOnlyList<string>)>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name.StartsWith('$') || property.Value.ValueKind == JsonValueKind.Null)
                    continue;
                values[ParameterNames.Normalize(property.Name)] = (property.Name, ToStrings(path, property));
            }
            return new ParametersFile(path, values);
        }
    }

    private static IReadOnlyList<string> ToStrings(string path, JsonProperty property) => property.Value.ValueKind switch
    {
        JsonValueKind.String => [property.Value.GetString()!],
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => [property.Value.GetRawText()],
        JsonValueKind.Array => property.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToArray(),
        _ => throw new BuildException($"{path}: the value of \"{property.Name}\" is a JSON {property.Value.ValueKind.ToString().ToLowerInvariant()}; parameters take a string, number, boolean or array."),
    };
}
