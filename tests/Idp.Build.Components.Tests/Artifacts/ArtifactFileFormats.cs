using Idp.Build.Components.Deploy;
using Idp.Build.Components.Descriptor;
using Idp.Build.Components.Quality;
using Idp.Build.Components.Registry;

namespace Idp.Build.Components.Tests.Artifacts;

/// <summary>
/// The files CI jobs, GitLab and later runs read, byte for byte: image.json, deploy.json, quality-gate.json, GitLab's
/// code-quality report and the quality baseline. Readers outside this repository depend on these names and shapes.
/// </summary>
public sealed class ArtifactFileFormats : IDisposable
{
    private const string Digest = "sha256:5c4460cc7660e882ede2004491ade33800c3e25da338435ca9e58e79689b1252";
    private readonly AbsolutePath _directory = AbsolutePath.Create(Directory.CreateTempSubdirectory("idp-artifacts-").FullName);

    [Fact]
    public void Image_json_holds_repository_tag_digest_and_size_and_reads_back()
    {
        var pushed = new PushResult("127.0.0.1:5001/platform/hello-service", "2fd9b8fa", Digest, 944, AlreadyPresent: true,
            new Dictionary<string, string> { ["abc"] = "Pushed" });

        pushed.WriteTo(_directory);

        File.ReadAllText(_directory / "image.json").ShouldBe($$"""
            {
              "repository": "127.0.0.1:5001/platform/hello-service",
              "tag": "2fd9b8fa",
              "digest": "{{Digest}}",
              "size": 944
            }

            """);
        var read = PushResult.ReadFrom(_directory);
        (read.Repository, read.Tag, read.Digest, read.Size).ShouldBe(("127.0.0.1:5001/platform/hello-service", "2fd9b8fa", Digest, 944L));
    }

    [Fact]
    public void Deploy_json_leaves_out_what_is_unknown()
    {
        var outcome = new DeployOutcome("hello-service", "dev", $"nexus/platform/hello-service@{Digest}", "dep-1", "abc123", Succeeded: false,
            RolledBack: true, new DateTimeOffset(2026, 11, 29, 17, 0, 0, TimeSpan.Zero), Url: null,
            new PreviousDeployment($"nexus/platform/hello-service@{Digest}", Commit: null, "dep-0"), "the rollout timed out");

        outcome.WriteTo(_directory);

        File.ReadAllText(_directory / "deploy.json").ShouldBe($$"""
            {
              "service": "hello-service",
              "environment": "dev",
              "image": "nexus/platform/hello-service@{{Digest}}",
              "deploymentId": "dep-1",
              "commit": "abc123",
              "succeeded": false,
              "rolledBack": true,
              "finishedAt": "2026-11-29T17:00:00+00:00",
              "previous": {
                "image": "nexus/platform/hello-service@{{Digest}}",
                "deploymentId": "dep-0"
              },
              "error": "the rollout timed out"
            }

            """);
    }

    [Fact]
    public void The_gate_verdict_and_gitlabs_code_quality_report_have_the_fields_their_readers_expect()
    {
        var issue = new AnalyzerIssue("CA1822", IssueSeverity.Warning, "Mark members as static", "src/Hello.cs", 0);
        var verdict = new QualityGateVerdict("local", QualityStatus.Error,
            [new QualityCondition("coverage", "LT", "80", "72.5", QualityStatus.Error)], [issue]);

        QualityGateReports.Write(verdict, _directory);

        File.ReadAllText(_directory / "quality-gate.json").ShouldBe("""
            {
              "source": "local",
              "status": "ERROR",
              "passed": false,
              "dashboardUrl": null,
              "conditions": [
                {
                  "metric": "coverage",
                  "comparator": "LT",
                  "threshold": "80",
                  "actual": "72.5",
                  "status": "ERROR"
                }
              ],
              "newIssues": 1
            }

            """);
        File.ReadAllText(_directory / "gl-code-quality-report.json").ShouldBe($$"""
            [
              {
                "description": "CA1822: Mark members as static",
                "check_name": "CA1822",
                "fingerprint": "{{issue.Fingerprint}}",
                "severity": "major",
                "location": {
                  "path": "src/Hello.cs",
                  "lines": {
                    "begin": 1
                  }
                }
              }
            ]

            """);
    }

    [Fact]
    public void The_quality_baseline_lists_each_accepted_finding_once_and_reads_back()
    {
        var issue = new AnalyzerIssue("S1481", IssueSeverity.Warning, "Remove the unused local variable 'x'.", "src/Hello.cs", 12);
        var path = _directory / ".idp" / "quality-baseline.json";

        QualityBaseline.Write(path, [issue, issue with { Line = 40 }]);

        File.ReadAllText(path).ShouldBe($$"""
            [
              {
                "fingerprint": "{{issue.Fingerprint}}",
                "ruleId": "S1481",
                "file": "src/Hello.cs",
                "message": "Remove the unused local variable \u0027x\u0027."
              }
            ]

            """);
        var baseline = QualityBaseline.Read(path);
        baseline.Count.ShouldBe(1);
        baseline.Contains(issue with { Line = 3 }).ShouldBeTrue();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
