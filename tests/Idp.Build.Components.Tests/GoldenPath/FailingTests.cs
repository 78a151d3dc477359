namespace Idp.Build.Components.Tests.GoldenPath;

/// <summary>A failing test fails the Test target, and the message lists the failed test by name.</summary>
public sealed class FailingTests : IDisposable
{
    private readonly SampleRepository _sample = new();

    [Fact]
    public void Test_fails_naming_the_failed_test_and_still_writes_the_reports()
    {
        var build = _sample.CompileBuild();
        _sample.Write("tests/HelloService.Tests/Broken.cs",
            "namespace HelloService.Tests;\n\npublic class Broken\n{\n    [Fact]\n    public void Arithmetic_still_works() => Assert.Equal(5, 2 + 2);\n}\n");

        var result = _sample.Run(build, "Test");

        result.ExitCode.ShouldBe(1, result.StandardOutput);
        result.StandardOutput.ShouldContain("1 test failed:");
        result.StandardOutput.ShouldContain("HelloService.Tests.Broken.Arithmetic_still_works");
        result.StandardOutput.ShouldMatch(@"Test\s+│ Failed\s+│");
        result.StandardOutput.ShouldContain("Tests: 7 passed, 1 failed");
        File.ReadAllText(_sample.Artifacts / "test-results" / "HelloService.Tests.xml").ShouldContain("<failure");
    }

    public void Dispose() => _sample.Dispose();
}
