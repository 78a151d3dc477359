using Idp.Pipelines.Tests.GitLab.Support;

namespace Idp.Pipelines.Tests.GitLab;

/// <summary>A service's whole <c>.gitlab-ci.yml</c> is an include and its inputs: five lines at most.</summary>
public class ConsumerFiles
{
    public static TheoryData<string> PlainConsumers() =>
        new(Directory.EnumerateFiles(RepositoryLayout.Examples, "*.yml")
            .Where(f => !Path.GetFileName(f).StartsWith("override-", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .Order()!);

    [Theory]
    [MemberData(nameof(PlainConsumers))]
    public void Example_consumer_file_is_at_most_five_lines_and_only_an_include(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryLayout.Examples, file)).Where(l => l.Trim().Length > 0).ToList();

        lines.Count.ShouldBeLessThanOrEqualTo(5, file);
        lines[0].ShouldBe("include:", file);
    }
}
