using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Idp.Build.Components.Descriptor;
using Json.Schema;

namespace Idp.Build.Components.Tests.Descriptor;

public sealed class SchemaAndReaderAgreement : IDisposable
{
    // Built once: the library registers a schema under its $id, and registering it again is an error.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(DocumentationExamples.SchemaFile)));

    private readonly DescriptorText _text = new();

    public void Dispose() => _text.Dispose();

    public static TheoryData<int> DocumentedExamples() => new(Enumerable.Range(0, DocumentationExamples.Descriptors().Count));

    [Fact]
    public void Schema_IsAValidDraft07Schema()
    {
        var schemaJson = JsonDocument.Parse(File.ReadAllText(DocumentationExamples.SchemaFile)).RootElement;

        schemaJson.GetProperty("$schema").GetString().ShouldBe("http://json-schema.org/draft-07/schema#");
        MetaSchemas.Draft7.Evaluate(schemaJson).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void EmbeddedSchema_IsTheSchemaFile() =>
        ServiceDescriptorSchema.Text().ShouldBe(File.ReadAllText(DocumentationExamples.SchemaFile));

    [Fact]
    public void Documentation_HasTheFullAndTheMinimalExample() =>
        DocumentationExamples.Descriptors().Count.ShouldBeGreaterThanOrEqualTo(2);

    [Fact]
    public void DocumentedValidationOutput_IsWhatTheReaderSays()
    {
        var (yaml, message) = DocumentationExamples.ValidationExample();

        var error = Should.Throw<ServiceDescriptorException>(() => ServiceDescriptorReader.Parse(yaml, "idp.yaml"));

        error.Message.ReplaceLineEndings("\n").ShouldBe(message.TrimEnd('\n'));
    }

    [Theory]
    [MemberData(nameof(DocumentedExamples))]
    public void EveryDocumentedExample_IsValidForTheSchemaAndTheReader(int index)
    {
        var yaml = DocumentationExamples.Descriptors()[index];

        SchemaErrors(yaml).ShouldBeEmpty();
        _text.Parse(yaml).ApiVersion.ShouldBe("idp.build/v1");
    }

    [Theory]
    [InlineData("unknown key", "service: { name: hello-service, team: payments, prot: 8080 }")]
    [InlineData("port as text", "service: { name: hello-service, team: payments, port: \"8080\" }")]
    [InlineData("port out of range", "service: { name: hello-service, team: payments, port: 70000 }")]
    [InlineData("upper-case name", "service: { name: HelloService, team: payments }")]
    [InlineData("missing team", "service: { name: hello-service }")]
    [InlineData("other language", "service: { name: hello-service, team: payments, language: java }")]
    [InlineData("relative health path", "service: { name: hello-service, team: payments, healthPath: health }")]
    [InlineData("absolute project path", "service: { name: hello-service, team: payments, project: /src/A.csproj }")]
    [InlineData("unknown api version", "apiVersion: idp.build/v2")]
    [InlineData("coverage above 100", "quality: { coverage: 101 }")]
    [InlineData("unknown failOn", "quality: { failOn: warnings }")]
    [InlineData("image tag", "image: { repository: payments/hello:1.0 }")]
    [InlineData("duration without unit", "deploy: { timeout: 300 }")]
    [InlineData("zero duration", "deploy: { timeout: 0s }")]
    [InlineData("build secret without key", "buildSecrets: { token: { path: secret/data/ci } }")]
    [InlineData("no environments", "environments: {}")]
    [InlineData("namespace missing", "environments: { dev: { replicas: 1 } }")]
    [InlineData("namespace in local", "environments: { local: { namespace: payments-local } }")]
    [InlineData("too many replicas", "environments: { dev: { namespace: payments-dev, replicas: 51 } }")]
    [InlineData("unknown tls", "environments: { dev: { namespace: payments-dev, route: { host: a.example.com, tls: edg } } }")]
    [InlineData("route without host", "environments: { dev: { namespace: payments-dev, route: { tls: edge } } }")]
    [InlineData("memory in millibytes", "environments: { dev: { namespace: payments-dev, resources: { limits: { memory: 256m } } } }")]
    [InlineData("invalid cpu", "environments: { dev: { namespace: payments-dev, resources: { limits: { cpu: 2 cores } } } }")]
    [InlineData("secret values without role", "environments: { dev: { namespace: payments-dev, secrets: { values: [ { name: Db, path: secret/data/db, key: k } ] } } }")]
    [InlineData("secret path with leading slash", "environments: { dev: { namespace: payments-dev, secrets: { role: r, values: [ { name: Db, path: /secret/data/db, key: k } ] } } }")]
    [InlineData("variable with a dash", "environments: { local: { variables: { MY-VAR: x } } }")]
    public void InvalidDocument_IsRejectedByTheSchemaAndTheReader(string why, string replacement)
    {
        var yaml = WithSection(replacement);

        SchemaErrors(yaml).ShouldNotBeEmpty(why);
        Should.Throw<ServiceDescriptorException>(() => _text.Parse(yaml), why);
    }

    // Rules across several values, or about the file system, are beyond a schema: only the reader enforces them.
    [Theory]
    [InlineData("request above limit", "environments: { dev: { namespace: payments-dev, resources: { requests: { cpu: 1 }, limits: { cpu: 500m } } } }")]
    [InlineData("missing project", "service: { name: hello-service, team: payments, project: src/Missing/Missing.csproj }")]
    [InlineData("secret twice", "environments: { dev: { namespace: payments-dev, secrets: { role: r, values: [ { name: Db, path: secret/data/a, key: k }, { name: Db, path: secret/data/b, key: k } ] } } }")]
    public void CrossFieldRule_IsEnforcedByTheReaderOnly(string why, string replacement)
    {
        var yaml = WithSection(replacement);

        SchemaErrors(yaml).ShouldBeEmpty(why);
        Should.Throw<ServiceDescriptorException>(() => _text.Parse(yaml), why);
    }

    private static string WithSection(string replacement)
    {
        var sections = new Dictionary<string, string>
        {
            ["apiVersion"] = "apiVersion: idp.build/v1",
            ["service"] = "service: { name: hello-service, team: payments }",
            ["environments"] = "environments: { local: {} }",
        };
        sections[replacement[..replacement.IndexOf(':', StringComparison.Ordinal)]] = replacement;
        return string.Join("\n", sections.Values) + "\n";
    }

    private static IReadOnlyList<string> SchemaErrors(string yaml)
    {
        var problems = new DescriptorProblems("idp.yaml");
        var root = YamlTreeLoader.Load(yaml, problems);
        problems.Any.ShouldBeFalse("the YAML itself must parse");
        var instance = JsonSerializer.SerializeToElement(ToJson(root!));
        var results = Schema.Value.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid ? [] : Flatten(results).ToArray();
    }

    private static IEnumerable<string> Flatten(EvaluationResults results) =>
        (results.Errors?.Select(e => $"{results.InstanceLocation}: {e.Value}") ?? [])
            .Concat((results.Details ?? []).SelectMany(Flatten))
            .DefaultIfEmpty($"{results.InstanceLocation}: invalid");

    // The JSON an editor's YAML language server validates: YAML 1.2 core types, as the reader resolves them.
    private static JsonNode? ToJson(YamlTreeNode node) => node switch
    {
        YamlTreeMapping mapping => new JsonObject(mapping.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        YamlTreeSequence sequence => new JsonArray(sequence.Items.Select(ToJson).ToArray()),
        YamlTreeScalar { Kind: ScalarKind.Null } => null,
        YamlTreeScalar { Kind: ScalarKind.Boolean } scalar => JsonValue.Create(bool.Parse(scalar.Value)),
        YamlTreeScalar { Kind: ScalarKind.Integer } scalar => JsonValue.Create(long.Parse(scalar.Value, CultureInfo.InvariantCulture)),
        YamlTreeScalar { Kind: ScalarKind.Float } scalar => JsonValue.Create(double.Parse(scalar.Value, CultureInfo.InvariantCulture)),
        YamlTreeScalar scalar => JsonValue.Create(scalar.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };
}
