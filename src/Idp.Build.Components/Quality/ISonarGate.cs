using Idp.Build;
using Idp.Build.Components.Descriptor;
using Idp.Build.Components.GitLab;
using Idp.Build.Components.Quality.SonarQube;
using Idp.Build.Components.Test;

namespace Idp.Build.Components.Quality;

/// <summary>
/// <c>SonarGate</c>, the quality gate. With <c>--sonar-host-url</c>: SonarScanner for .NET wraps the build
/// (<c>SonarBegin</c> runs before <c>Restore</c>, the scanner's <c>end</c> after <c>Test</c>), then the gate is read
/// from SonarQube. Without a server: the local gate judges coverage and analyzer findings on this machine.
/// Either way the verdict is printed as a table and written to <c>artifacts/quality-gate.json</c> and GitLab's
/// code-quality report; a failed gate fails the target.
/// </summary>
public interface ISonarGate : ITest, IHazServiceDescriptor
{
    [Parameter("SonarQube server URL; without it the local quality gate runs")]
    Uri? SonarHostUrl => TryGetValue(() => SonarHostUrl);

    [Parameter("SonarQube token (an analysis or user token)")]
    [Secret]
    string? SonarToken => TryGetValue(() => SonarToken);

    [Parameter("SonarQube project key (default: the service name from idp.yaml)")]
    string? SonarProjectKey => TryGetValue(() => SonarProjectKey);

    [Parameter("How long to wait for SonarQube to process the analysis (default: 5m)")]
    TimeSpan? SonarTimeout => TryGetValue(() => SonarTimeout);

    [Parameter("Accept the current analyzer findings: write them to the quality baseline named in idp.yaml")]
    bool? UpdateQualityBaseline => TryGetValue(() => UpdateQualityBaseline);

    Target SonarBegin => _ => _
        .Unlisted()
        .Description("Starts SonarScanner for .NET before the build (only with --sonar-host-url)")
        .OnlyWhenStatic(() => SonarHostUrl != null)
        .Requires(() => SonarToken)
        .Before(Restore)
        .Executes(() => SonarScanner.BeginAsync(ScannerSettings));

    Target SonarGate => _ => _
        .Description("The quality gate: SonarQube with --sonar-host-url, else the local gate (coverage, analyzer findings)")
        .Requires(() => ServiceDescriptor)
        .DependsOn(SonarBegin, Test)
        .Executes(async () =>
        {
            var verdict = SonarHostUrl is null ? EvaluateLocally() : await EvaluateOnServerAsync();
            QualityGateReports.Write(verdict, ArtifactsDirectory);
            var table = QualityGateTable.Render(verdict.Conditions, includePassed: true).TrimEnd();
            Log.Information(table);
            ReportSummary($"{verdict.Source} gate {(verdict.Passed ? "passed" : "failed")}");
            if (this is IGitLabReporting gitLab)
                await gitLab.GitLabReporter.PublishMergeRequestNoteAsync("quality-gate", QualityGateNote.Markdown(verdict));
            if (!verdict.Passed)
            {
                throw new TargetFailedException(
                    $"The {verdict.Source} quality gate failed:\n{QualityGateTable.Render(verdict.Conditions).TrimEnd()}" +
                    (verdict.DashboardUrl is null ? "" : $"\nDetails: {verdict.DashboardUrl}"));
            }
        });

    private QualityGateVerdict EvaluateLocally()
    {
        var quality = ServiceDescriptor.Quality;
        var issues = SarifReader.Read((ArtifactsDirectory / "sarif").GlobFiles("*.sarif").Select(p => (string)p), RootDirectory);
        var baselineFile = quality.Baseline is { } relative ? ServiceDescriptor.Resolve(relative) : null;
        if (UpdateQualityBaseline == true)
        {
            var target = baselineFile ?? throw new BuildException(
                "--update-quality-baseline needs a file to write: add 'baseline: .idp/quality-baseline.json' under 'quality:' in idp.yaml.");
            QualityBaseline.Write(target, issues);
            Log.Information($"Wrote {issues.Count} finding(s) to the quality baseline {target.RelativeTo(RootDirectory)}.");
        }
        var baseline = baselineFile is null ? QualityBaseline.Empty : QualityBaseline.Read(baselineFile);
        var coverage = CoberturaReport.Read(CoverageDirectory.GlobFiles("*.cobertura.xml").Select(p => (string)p)).LineCoverage;
        var verdict = LocalQualityGate.Evaluate(coverage, quality.Coverage, issues, quality.FailOn, baseline);
        foreach (var issue in verdict.Issues.Where(i => quality.Fails(i.Level)).Take(20))
            Log.Warning($"{issue.File}:{issue.Line}: {issue.RuleId} {issue.Message}");
        return verdict;
    }

    private async Task<QualityGateVerdict> EvaluateOnServerAsync()
    {
        await SonarScanner.EndAsync(ScannerSettings);
        var report = ReportTask.Read(ReportTask.PathIn(RootDirectory));
        using var client = new SonarQubeClient(report.ServerUrl, SonarToken);
        var progress = new Progress<CeTask>(task => Log.Information($"SonarQube task {task.Id}: {task.Status}"));
        var task = await client.WaitForTaskAsync(report, TimeSpan.FromSeconds(3), SonarTimeout ?? TimeSpan.FromMinutes(5), progress);
        var gate = await client.GetQualityGateAsync(task.AnalysisId!);
        var status = gate.Status switch
        {
            QualityGateStatus.Error => QualityStatus.Error,
            QualityGateStatus.Warn => QualityStatus.Warn,
            _ => QualityStatus.Ok,
        };
        return new QualityGateVerdict("sonarqube", status, gate.Conditions, [], report.DashboardUrl?.ToString());
    }

    private SonarScannerSettings ScannerSettings => new()
    {
        ProjectKey = SonarProjectKey ?? ServiceDescriptor.Service.Name,
        HostUrl = SonarHostUrl!,
        Token = SonarToken,
        Version = GitRepository.Version,
        Branch = SonarBranch.FromCi(Host.Ci, (Host as GitLabCi)?.MergeRequestTargetBranch ?? (Host as Jenkins)?.ChangeTarget),
        ArtifactsDirectory = ArtifactsDirectory,
        WorkingDirectory = RootDirectory,
    };
}
