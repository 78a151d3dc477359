using Idp.Build.Components.Descriptor;
using Idp.Templates.Tests.Support;

namespace Idp.Templates.Tests;

/// <summary>The template's files that must stay what the repository and its sample have.</summary>
public sealed class TemplateContentInSync
{
    [Theory]
    [InlineData("build.sh")]
    [InlineData("build.ps1")]
    public void Bootstrapper_is_byte_identical_to_the_repository_root(string file) =>
        File.ReadAllBytes(Path.Combine(RepositoryLayout.TemplateContent, file))
            .ShouldBe(File.ReadAllBytes(Path.Combine(RepositoryLayout.Root, file)), $"copy {file} from the repository root into src/Idp.Templates/content/idp-service/");

    [Theory]
    [InlineData(".nuke/build.schema.json")]
    [InlineData(".nuke/parameters.json")]
    [InlineData("global.json")]
    [InlineData(".dockerignore")]
    [InlineData("build/Build.cs")]
    public void Golden_path_file_is_the_same_as_the_sample(string file) =>
        File.ReadAllText(Path.Combine(RepositoryLayout.TemplateContent, file))
            .ShouldBe(File.ReadAllText(Path.Combine(RepositoryLayout.Sample, file)), $"copy {file} from samples/hello-service into the template");

    [Fact]
    public void Template_idp_yaml_is_a_valid_descriptor()
    {
        var descriptor = ServiceDescriptorReader.Read(Path.Combine(RepositoryLayout.TemplateContent, "idp.yaml"));

        descriptor.Service.Name.ShouldBe("company-service");
        descriptor.Service.Project.ShouldBe("src/Company.Service/Company.Service.csproj");
    }
}
