using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Idp.Build.Components.Tests.Descriptor;

/// <summary>The YAML examples of docs/idp-yaml.md: every ```yaml block with an apiVersion is a complete descriptor.</summary>
internal static partial class DocumentationExamples
{
    public static string DocsFile => Path.Combine(RepositoryRoot(), "docs", "idp-yaml.md");

    public static string SchemaFile => Path.Combine(RepositoryRoot(), "src", "Idp.Build.Components", "Descriptor", "idp.schema.json");

    public static IReadOnlyList<string> Descriptors() =>
        YamlBlock().Matches(File.ReadAllText(DocsFile))
            .Select(m => m.Groups["yaml"].Value)
            .Where(yaml => yaml.Contains("apiVersion:", StringComparison.Ordinal))
            .ToArray();

    public static string Full => Descriptors()[0];

    /// <summary>The invalid file shown under "Validation rules" and the message the docs say it produces.</summary>
    public static (string Yaml, string Message) ValidationExample()
    {
        var docs = File.ReadAllText(DocsFile);
        var blocks = TextBlock().Matches(docs[docs.IndexOf("## Validation rules", StringComparison.Ordinal)..]);
        return (blocks[0].Groups["text"].Value, blocks[1].Groups["text"].Value);
    }

    // The source file's own path finds the repository wherever the tests were built to.
    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));

    [GeneratedRegex("^```text\\n(?<text>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex TextBlock();

    [GeneratedRegex("^```yaml\\n(?<yaml>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
