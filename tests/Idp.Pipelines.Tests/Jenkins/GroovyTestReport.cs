using System.Text.Json;

namespace Idp.Pipelines.Tests.Jenkins;

/// <summary>The JSON report test/TestRunner.groovy writes: per Groovy test class, what passed and what failed.</summary>
internal sealed record GroovyTestReport(IReadOnlyList<GroovyTestClassResult> Classes)
{
    static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static GroovyTestReport? TryRead(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<GroovyTestReport>(File.ReadAllText(path), Options) : null;
}

internal sealed record GroovyTestClassResult(string Name, IReadOnlyList<string> Passed, IReadOnlyList<GroovyTestFailure> Failures, double Seconds);

internal sealed record GroovyTestFailure(string Test, string Message);
