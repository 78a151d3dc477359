using System.Text.RegularExpressions;

namespace Idp.Build.Components.Tests.GoldenPath;

/// <summary>The three overrides of docs/overriding.md, taken from that page and run on a copy of the sample.</summary>
public sealed partial class Overrides : IDisposable
{
    private readonly SampleRepository _sample = new(ExampleFromDocs());

    [Fact]
    public void The_documented_overrides_keep_dependencies_change_settings_and_add_a_target()
    {
        var build = _sample.CompileBuild();

        var plan = _sample.Run(build, "Test", "--plan");
        var result = _sample.Run(build, "Test");

        plan.StandardOutput.ShouldMatch(@"1\. Restore\s+2\. Compile  ← Restore\s+3\. CheckLicenses  ← Compile\s+4\. Test  ← (Compile, CheckLicenses|CheckLicenses, Compile)");
        result.ExitCode.ShouldBe(0, result.StandardOutput);
        var output = result.StandardOutput;
        output.IndexOf("licences: all allowed", StringComparison.Ordinal).ShouldBeLessThan(output.IndexOf("Tests: 3 passed", StringComparison.Ordinal));
        output.IndexOf("Tests: 3 passed, 0 failed", StringComparison.Ordinal).ShouldBeLessThan(output.IndexOf("contract tests:", StringComparison.Ordinal));
    }

    public void Dispose() => _sample.Dispose();

    private static string ExampleFromDocs()
    {
        var page = File.ReadAllText(SampleRepository.RepositoryRoot / "docs" / "overriding.md");
        return ExampleBlock().Match(page) is { Success: true } match
            ? match.Groups["code"].Value
            : throw new InvalidOperationException("docs/overriding.md has no ```csharp block after <!-- overrides-example -->.");
    }

    [GeneratedRegex(@"<!-- overrides-example -->\s*```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}
