using System.Text.Json;
using Idp.Build.Components.Descriptor;

namespace Idp.Build.Components.Quality;

/// <summary>
/// Writes a gate's verdict where CI reads it: <c>artifacts/quality-gate.json</c> and GitLab's code-quality
/// report (<c>artifacts/gl-code-quality-report.json</c>, the Code Climate subset GitLab documents).
/// </summary>
public static class QualityGateReports
{
    public static void Write(QualityGateVerdict result, string artifactsDirectory)
    {
        Directory.CreateDirectory(artifactsDirectory);
        var verdict = new VerdictDocument(
            result.Source,
            result.Status.ToString().ToUpperInvariant(),
            result.Passed,
            result.DashboardUrl,
            result.Conditions.Select(c => new ConditionDocument(c.Metric, c.Comparator, c.Threshold, c.Actual, c.Status.ToString().ToUpperInvariant())).ToArray(),
            result.Issues.Count);
        File.WriteAllText(Path.Combine(artifactsDirectory, "quality-gate.json"), JsonSerializer.Serialize(verdict, QualityJson.Default.VerdictDocument) + "\n");

        var codeQuality = result.Issues.Select(i => new CodeQualityIssue(
            $"{i.RuleId}: {i.Message}",
            i.RuleId,
            i.Fingerprint,
            i.Level switch
            {
                IssueSeverity.Error => "critical",
                IssueSeverity.Warning => "major",
                IssueSeverity.Note => "minor",
                _ => "info",
            },
            new CodeQualityLocation(i.File, new CodeQualityLines(Math.Max(1, i.Line))))).ToArray();
        File.WriteAllText(Path.Combine(artifactsDirectory, "gl-code-quality-report.json"), JsonSerializer.Serialize(codeQuality, CodeQualityJson.Default.CodeQualityIssueArray) + "\n");
    }

    internal sealed record VerdictDocument(string Source, string Status, bool Passed, string? DashboardUrl, ConditionDocument[] Conditions, int NewIssues);

    internal sealed record ConditionDocument(string Metric, string Comparator, string Threshold, string Actual, string Status);

    internal sealed record CodeQualityIssue(string Description, string CheckName, string Fingerprint, string Severity, CodeQualityLocation Location);

    internal sealed record CodeQualityLocation(string Path, CodeQualityLines Lines);

    internal sealed record CodeQualityLines(int Begin);
}
