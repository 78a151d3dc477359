namespace Idp.Build.Components.Tests.GoldenPath;

/// <summary>A new analyzer finding fails the local gate, names the file and line, and can be accepted into a baseline.</summary>
public sealed class AnalyzerFindings : IDisposable
{
    private readonly SampleRepository _sample = new();

    [Fact]
    public void A_new_finding_fails_the_gate_until_it_is_accepted_into_the_baseline()
    {
        var build = _sample.CompileBuild();
        // S1118: a utility class with a public constructor (SonarAnalyzer.CSharp, severity warning).
        _sample.Write("src/HelloService/Formatting.cs", "namespace HelloService;\n\npublic class Formatting\n{\n    public static string Upper(string text) => text.ToUpperInvariant();\n}\n");
        _sample.Write("idp.yaml", File.ReadAllText(_sample.Root / "idp.yaml").Replace("failOn: warning", "failOn: warning\n  baseline: .idp/quality-baseline.json", StringComparison.Ordinal));

        var failing = _sample.Run(build, "Compile", "Test", "SonarGate");
        var codeQualityReport = File.ReadAllText(_sample.Artifacts / "gl-code-quality-report.json");
        var accepted = _sample.Run(build, "SonarGate", "--skip", "Restore", "Compile", "Test", "--update-quality-baseline");
        var again = _sample.Run(build, "SonarGate", "--skip", "Restore", "Compile", "Test");

        failing.ExitCode.ShouldBe(1, failing.StandardOutput);
        failing.StandardOutput.ShouldContain("src/HelloService/Formatting.cs:3: S1118");
        failing.StandardOutput.ShouldMatch(@"new_issues \(warning and above\)\s+│ >\s+│ 0\s+│ [1-9]\d*\s+│ ERROR");
        codeQualityReport.ShouldContain("\"check_name\": \"S1118\"");
        accepted.ExitCode.ShouldBe(0, accepted.StandardOutput);
        File.ReadAllText(_sample.Root / ".idp" / "quality-baseline.json").ShouldContain("S1118");
        again.ExitCode.ShouldBe(0, again.StandardOutput);
    }

    public void Dispose() => _sample.Dispose();
}
