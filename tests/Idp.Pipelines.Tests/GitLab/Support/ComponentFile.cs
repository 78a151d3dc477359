using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Idp.Pipelines.Tests.GitLab.Support;

/// <summary>A CI/CD component file: its <c>spec:</c> header document and the pipeline document after <c>---</c>.</summary>
internal sealed partial record ComponentFile(JsonObject Header, JsonNode? Body, string BodyText)
{
    public static ComponentFile Read(string path)
    {
        var text = File.ReadAllText(path);
        var documents = YamlToJson.Documents(text);
        if (documents.Count != 2 || documents[0] is not JsonObject header)
            throw new InvalidOperationException($"{path} has {documents.Count} YAML document(s); a component has two: the spec header, '---', then the jobs.");
        var separator = text.IndexOf("\n---", StringComparison.Ordinal);
        return new ComponentFile(header, documents[1], text[(separator + 4)..]);
    }

    /// <summary>The inputs declared under <c>spec:inputs</c>, by name.</summary>
    public IReadOnlyDictionary<string, JsonObject> Inputs =>
        (Header["spec"]?["inputs"] as JsonObject ?? [])
        .ToDictionary(p => p.Key, p => p.Value as JsonObject ?? throw new InvalidOperationException($"Input '{p.Key}' is not a mapping."));

    /// <summary>Names used as <c>$[[ inputs.name ]]</c> in the body.</summary>
    public IReadOnlySet<string> InterpolatedInputs =>
        InputReference().Matches(BodyText).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"\$\[\[\s*inputs\.([A-Za-z0-9_-]+)")]
    private static partial Regex InputReference();
}
