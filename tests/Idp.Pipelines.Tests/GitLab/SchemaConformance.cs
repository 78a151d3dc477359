using System.Text.Json.Nodes;
using Idp.Pipelines.Tests.GitLab.Support;

namespace Idp.Pipelines.Tests.GitLab;

/// <summary>Every template and every example consumer file is valid against GitLab's own CI schema.</summary>
public class SchemaConformance
{
    public static TheoryData<string> PipelineFiles()
    {
        var files = new TheoryData<string> { "idp.gitlab-ci.yml" };
        foreach (var example in Directory.EnumerateFiles(RepositoryLayout.Examples, "*.yml").Order())
            files.Add(Path.GetRelativePath(RepositoryLayout.GitLabTemplates, example));
        return files;
    }

    [Theory]
    [MemberData(nameof(PipelineFiles))]
    public void Pipeline_file_is_valid_GitLab_CI(string file)
    {
        var documents = YamlToJson.Documents(File.ReadAllText(Path.Combine(RepositoryLayout.GitLabTemplates, file)));

        documents.Count.ShouldBe(1, $"{file} should be one YAML document");
        GitLabCiSchema.Problems(documents[0]).ShouldBeEmpty($"{file} against gitlab-ci.json");
    }

    [Fact]
    public void Component_body_after_the_spec_header_is_valid_GitLab_CI()
    {
        var component = ComponentFile.Read(RepositoryLayout.Component);

        GitLabCiSchema.Problems(component.Body).ShouldBeEmpty("the component body (after ---) against gitlab-ci.json");
    }

    [Fact]
    public void Schema_rejects_a_job_with_an_unknown_keyword_so_the_checks_above_can_fail()
    {
        var document = YamlToJson.Documents("test:\n  script: [./build.sh Test]\n  scirpt: typo\n")[0];

        GitLabCiSchema.Problems(document).ShouldNotBeEmpty();
    }

    [Fact]
    public void Schema_rejects_a_spec_header_as_the_shared_schema_predates_components()
    {
        var header = ComponentFile.Read(RepositoryLayout.Component).Header;

        GitLabCiSchema.Problems((JsonNode)header.DeepClone()).ShouldNotBeEmpty("if this passes, the shared schema learnt spec: and the header can be validated by it too");
    }
}
