namespace Idp.Pipelines.Tests.Jenkins;

/// <summary>
/// The Jenkins shared library's Groovy tests (jenkins-shared-lib/test/), run under Groovy 2.4 as Jenkins' CPS runs
/// the library. One case per Groovy test class, so a failure names the scenario group and prints its assertions.
/// </summary>
public sealed class SharedLibraryGroovyTests(GroovyHarnessRun run) : IClassFixture<GroovyHarnessRun>
{
    public static TheoryData<string> GroovyTestClasses() => new(SharedLibraryPaths.GroovyTestClasses());

    [Theory]
    [MemberData(nameof(GroovyTestClasses))]
    public void Groovy_test_class_passes(string testClass)
    {
        var report = ReportOrFail();
        var result = report.Classes.SingleOrDefault(c => c.Name == testClass)
            ?? throw new ShouldAssertException($"The Groovy run reported nothing for {testClass}. Its output:\n{run.Output}");

        if (result.Failures.Count > 0)
        {
            var failures = string.Join("\n\n", result.Failures.Select(f => $"{testClass}.{f.Test}:\n{f.Message}"));
            throw new ShouldAssertException($"{result.Failures.Count} of {result.Failures.Count + result.Passed.Count} Groovy tests in {testClass} failed:\n\n{failures}");
        }

        result.Passed.ShouldNotBeEmpty($"{testClass} ran no test methods; are they annotated with @org.junit.Test?");
    }

    [Fact]
    public void Every_groovy_test_class_on_disk_was_run()
    {
        var report = ReportOrFail();

        report.Classes.Select(c => c.Name).Order(StringComparer.Ordinal)
            .ShouldBe(SharedLibraryPaths.GroovyTestClasses(), ignoreOrder: false, customMessage: "the Groovy runner and this test must see the same *Tests.groovy files");
    }

    GroovyTestReport ReportOrFail() =>
        run.Report ?? throw new ShouldAssertException(run.SetupFailure ?? "The Groovy tests did not run.");
}
