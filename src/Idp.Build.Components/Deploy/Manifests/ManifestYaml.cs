using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Idp.Build.Components.Deploy.Manifests;

/// <summary>
/// Writes a Kubernetes object as YAML from its JSON: the very document the deploy applies, field for field and in the
/// same order. KubernetesClient's own <c>KubernetesYaml</c> orders each model's fields by their metadata tokens, which a
/// native build (docs/engine/native-build.md) does not have; this needs no reflection beyond the JSON's.
/// </summary>
public static partial class ManifestYaml
{
    // YamlStream ends each document with an explicit end marker, which one file of one object does without.
    private const string DocumentEnd = "...\n";

    /// <summary>The object as a YAML document, without the <c>---</c> and <c>...</c> markers.</summary>
    public static string Serialize(object kubernetesObject)
    {
        var json = JsonNode.Parse(KubernetesJson.Serialize(kubernetesObject)) ?? throw new ArgumentException("The object serializes to JSON null.", nameof(kubernetesObject));
        var writer = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(ToYaml(json))).Save(writer, assignAnchors: false);
        var yaml = writer.ToString();
        return yaml.EndsWith(DocumentEnd, StringComparison.Ordinal) ? yaml[..^DocumentEnd.Length] : yaml;
    }

    private static YamlNode ToYaml(JsonNode? node) => node switch
    {
        JsonObject mapping => new YamlMappingNode(mapping.Select(field => new KeyValuePair<YamlNode, YamlNode>(Scalar(field.Key), ToYaml(field.Value)))),
        JsonArray sequence => new YamlSequenceNode(sequence.Select(ToYaml)),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => Scalar(value.GetValue<string>()),
        // Numbers and booleans as JSON writes them, which YAML reads as the same number or boolean.
        _ => new YamlScalarNode(node?.ToJsonString() ?? "null") { Style = ScalarStyle.Plain },
    };

    // A string that YAML would read as something else unquoted (true, 8080, 1.0, null, ~, an empty value) is quoted;
    // the emitter quotes by itself what cannot be plain at all (": ", a leading "*", …).
    private static YamlScalarNode Scalar(string text) =>
        new(text) { Style = text.Length == 0 || NotAString().IsMatch(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any };

    // YAML 1.1's and 1.2's implicit null, boolean and number forms, which parsers of either version apply.
    [GeneratedRegex(@"^(~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|[-+]?(\.[0-9]+|[0-9][0-9_]*)(\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?0[xob][0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex NotAString();
}
