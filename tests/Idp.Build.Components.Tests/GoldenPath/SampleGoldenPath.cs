using System.Text.Json;

namespace Idp.Build.Components.Tests.GoldenPath;

/// <summary>The sample's golden path run once; the tests read what it produced.</summary>
public sealed class GoldenPathRun : IDisposable
{
    public GoldenPathRun()
    {
        Sample = new SampleRepository();
        BuildAssembly = Sample.CompileBuild();
        Result = Sample.Run(BuildAssembly, "Compile", "Test", "SonarGate");
        var verdict = Sample.Artifacts / "quality-gate.json";
        Verdict = File.Exists(verdict) ? File.ReadAllText(verdict) : "";
    }

    /// <summary>quality-gate.json as the golden path wrote it (later tests may overwrite the file).</summary>
    internal string Verdict { get; }

    internal SampleRepository Sample { get; }
    internal AbsolutePath BuildAssembly { get; }
    internal Idp.Build.Processes.ProcessResult Result { get; }
    internal string Output => Result.StandardOutput + "\n" + Result.StandardError;

    public void Dispose() => Sample.Dispose();
}

public class SampleGoldenPath(GoldenPathRun run) : IClassFixture<GoldenPathRun>
{
    [Fact]
    public void Compile_Test_SonarGate_passes_with_the_summary_table()
    {
        run.Result.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldMatch(@"Test\s+│ Succeeded\s+│ [\d.:]+ (s|min)\s+│ 7 passed, 0 failed, coverage \d+(\.\d)?%");
        run.Output.ShouldMatch(@"SonarGate\s+│ Succeeded\s+│ [\d.:]+ (s|min)\s+│ local gate passed");
        run.Output.ShouldContain("line_coverage");
    }

    [Fact]
    public void Test_writes_trx_junit_cobertura_and_opencover()
    {
        var results = run.Sample.Artifacts / "test-results";
        File.ReadAllText(results / "HelloService.Tests.trx").ShouldContain("outcome=\"Passed\"");
        var junit = System.Xml.Linq.XDocument.Load(results / "HelloService.Tests.xml").Root!;
        junit.Name.LocalName.ShouldBe("testsuites");
        junit.Attribute("tests")!.Value.ShouldBe("7");
        junit.Attribute("failures")!.Value.ShouldBe("0");
        File.ReadAllText(run.Sample.Artifacts / "coverage" / "HelloService.Tests.cobertura.xml").ShouldContain("<coverage");
        File.ReadAllText(run.Sample.Artifacts / "coverage" / "HelloService.Tests.opencover.xml").ShouldContain("<CoverageSession");
    }

    [Fact]
    public void The_gate_verdict_is_written_for_ci()
    {
        using var verdict = JsonDocument.Parse(run.Verdict);
        verdict.RootElement.GetProperty("status").GetString().ShouldBe("OK");
        verdict.RootElement.GetProperty("source").GetString().ShouldBe("local");
        using var codeQuality = JsonDocument.Parse(File.ReadAllText(run.Sample.Artifacts / "gl-code-quality-report.json"));
        codeQuality.RootElement.ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public void The_local_gate_fails_when_the_coverage_threshold_is_raised()
    {
        run.Result.ExitCode.ShouldBe(0, run.Output);
        run.Sample.Write("idp-strict.yaml", File.ReadAllText(run.Sample.Root / "idp.yaml").Replace("coverage: 70", "coverage: 99.5", StringComparison.Ordinal));

        var strict = run.Sample.Run(run.BuildAssembly, "SonarGate", "--skip", "Restore", "Compile", "Test", "--service-descriptor-file", "idp-strict.yaml");

        strict.ExitCode.ShouldBe(1, strict.StandardOutput);
        strict.StandardOutput.ShouldMatch(@"line_coverage\s+│ <\s+│ 99.5\s+│ [\d.]+\s+│ ERROR");
        strict.StandardOutput.ShouldContain("The local quality gate failed");
    }

    [Fact]
    public void A_broken_descriptor_stops_the_run_before_the_first_target()
    {
        run.Sample.Write("idp-broken.yaml", File.ReadAllText(run.Sample.Root / "idp.yaml").Replace("port: 8080", "port: eighty", StringComparison.Ordinal));

        var broken = run.Sample.Run(run.BuildAssembly, "Compile", "Test", "SonarGate", "--service-descriptor-file", "idp-broken.yaml");

        broken.ExitCode.ShouldBe(2, broken.StandardOutput);
        broken.StandardError.ShouldContain($"Cannot start: The service descriptor {run.Sample.Root / "idp-broken.yaml"} has 1 problem:");
        broken.StandardError.ShouldContain("service.port: Expected a whole number from 1 to 65535, but found the text 'eighty'.");
        broken.StandardError.ShouldContain("Nothing was run.");
        broken.StandardOutput.ShouldNotContain("▶ Restore");
    }
}
