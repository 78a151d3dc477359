using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Idp.Build.Components.Descriptor;
using Idp.Docs.Tests.Markdown;

namespace Idp.Docs.Tests.Examples;

/// <summary>
/// The <c>idp.yaml</c> examples of the docs, read by the build's own descriptor reader: the reference's examples load,
/// its invalid example fails with exactly the message it shows, and every key the schema knows is documented.
/// </summary>
public sealed partial class IdpYamlExamples : IDisposable
{
    private const string Reference = "docs/idp-yaml.md";
    private const string Minimal = "apiVersion: idp.build/v1\nservice:\n  name: hello-service\n  team: payments\nenvironments:\n  local: {}\n";

    private readonly TemporaryDirectory _work = new();

    public static TheoryData<string, int> ReferenceExamples()
    {
        var data = new TheoryData<string, int>();
        foreach (var block in MarkdownPages.Blocks(Reference).Where(b => b.Language == "yaml"))
            data.Add(block.Page, block.Line);
        return data;
    }

    public static TheoryData<string, int> FragmentsOnOtherPages()
    {
        var data = new TheoryData<string, int>();
        foreach (var block in MarkdownPages.AllBlocks().Where(b => b.Page != Reference && b.Language == "yaml" && IsDescriptorFragment(b)))
            data.Add(block.Page, block.Line);
        return data;
    }

    [Theory]
    [MemberData(nameof(ReferenceExamples))]
    public void Every_yaml_example_of_the_reference_is_a_valid_descriptor(string page, int line)
    {
        var block = BlockAt(page, line);

        var descriptor = Load(block.Text);

        descriptor.Service.Name.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [MemberData(nameof(FragmentsOnOtherPages))]
    public void Every_idp_yaml_fragment_on_another_page_is_valid_in_a_descriptor(string page, int line)
    {
        var block = BlockAt(page, line);

        Should.NotThrow(() => Load(Minimal + block.Text), $"{page}:{line}");
    }

    [Fact]
    public void The_invalid_example_fails_with_the_message_the_reference_shows()
    {
        var blocks = MarkdownPages.Blocks(Reference);
        var rules = File.ReadAllLines(RepositoryRoot.Path / Reference).ToList().FindIndex(l => l == "## Validation rules") + 1;
        var texts = blocks.Where(b => b.Language == "text" && b.Line > rules).ToList();
        var (invalid, shown) = (texts[0], texts[1]);

        var error = Should.Throw<ServiceDescriptorException>(() => ServiceDescriptorReader.Parse(invalid.Text, "idp.yaml"));

        error.Message.ReplaceLineEndings("\n").TrimEnd().ShouldBe(shown.Text.TrimEnd());
    }

    [Fact]
    public void Every_key_of_the_schema_is_documented_in_the_reference()
    {
        var schema = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Path / "src" / "Idp.Build.Components" / "Descriptor" / "idp.schema.json"))!;
        var page = File.ReadAllText(RepositoryRoot.Path / Reference);

        var undocumented = PropertyNames(schema).Distinct().Where(key => !page.Contains($"`{key}`", StringComparison.Ordinal)).ToList();

        undocumented.ShouldBeEmpty($"{Reference} does not document these keys of idp.schema.json");
    }

    public void Dispose() => _work.Dispose();

    private ServiceDescriptor Load(string yaml)
    {
        var file = _work["idp.yaml"];
        File.WriteAllText(file, yaml);
        // service.project must exist next to the descriptor, as in a real repository.
        if (ProjectKey().Match(yaml) is { Success: true } project)
        {
            var path = _work[project.Groups["path"].Value];
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "<Project />");
        }
        return ServiceDescriptorReader.Read(file);
    }

    private static CodeBlock BlockAt(string page, int line) => MarkdownPages.Blocks(page).Single(b => b.Line == line);

    // A fragment starts with a root key of idp.yaml that the minimal descriptor does not have.
    private static bool IsDescriptorFragment(CodeBlock block) =>
        block.Lines.FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#')) is { } first &&
        RootKey().Match(first) is { Success: true } key && key.Groups["key"].Value is "quality" or "image" or "deploy" or "buildSecrets";

    private static IEnumerable<string> PropertyNames(JsonNode? node) => node switch
    {
        JsonObject o => (o["properties"] is JsonObject properties ? properties.Select(p => p.Key) : [])
            .Concat(o.SelectMany(p => PropertyNames(p.Value))),
        JsonArray a => a.SelectMany(PropertyNames),
        _ => [],
    };

    [GeneratedRegex(@"^\s*project:\s*(?<path>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ProjectKey();

    [GeneratedRegex(@"^(?<key>\w+):")]
    private static partial Regex RootKey();
}
