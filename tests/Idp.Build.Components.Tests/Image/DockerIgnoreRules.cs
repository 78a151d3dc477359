using Idp.Build.Components.Image;

namespace Idp.Build.Components.Tests.Image;

/// <summary>.dockerignore patterns keep out what the Docker CLI would keep out.</summary>
public sealed class DockerIgnoreRules
{
    [Theory]
    [InlineData("src/HelloService/Program.cs", true)]
    [InlineData("artifacts/sarif/x.sarif", true)]
    [InlineData("artifacts/publish/hello-service/HelloService.dll", false)]
    [InlineData("Dockerfile", false)]
    public void The_samples_rules_send_only_the_published_output_and_the_Dockerfile(string path, bool excluded)
    {
        var ignore = DockerIgnore.Parse(File.ReadAllLines(GoldenPath.SampleRepository.RepositoryRoot / "samples" / "hello-service" / ".dockerignore"));

        ignore.IsExcluded(path).ShouldBe(excluded);
    }

    [Theory]
    [InlineData("**/bin", "src/App/bin/Debug/App.dll", true)]
    [InlineData("**/bin", "bin/x", true)]
    [InlineData("*.md", "docs/readme.md", false)]
    [InlineData("*/*.md", "docs/readme.md", true)]
    [InlineData("obj?", "obj1/x", true)]
    [InlineData("[a-c].txt", "b.txt", true)]
    [InlineData("[a-c].txt", "d.txt", false)]
    [InlineData("# comment", "# comment", false)]
    public void Patterns_match_like_the_Docker_CLI(string pattern, string path, bool excluded) =>
        DockerIgnore.Parse([pattern]).IsExcluded(path).ShouldBe(excluded);

    [Fact]
    public void The_last_matching_line_wins()
    {
        var ignore = DockerIgnore.Parse(["*.log", "!keep.log", "keep.log"]);

        ignore.IsExcluded("keep.log").ShouldBeTrue();
        DockerIgnore.Parse(["*.log", "!keep.log"]).IsExcluded("keep.log").ShouldBeFalse();
    }

    [Theory]
    [InlineData("src", true)]
    [InlineData("tests/HelloService.Tests/bin", true)]
    [InlineData("artifacts", false)]
    [InlineData("artifacts/publish/hello-service", false)]
    public void Only_directories_no_re_include_can_reach_are_skipped(string directory, bool skipped)
    {
        var ignore = DockerIgnore.Parse(["*", "!Dockerfile", "!artifacts/publish/"]);

        ignore.CanSkipDirectory(directory).ShouldBe(skipped);
        DockerIgnore.Parse(["*", "!**/keep.txt"]).CanSkipDirectory(directory).ShouldBeFalse();
    }
}
