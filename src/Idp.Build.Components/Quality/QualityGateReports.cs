using System.Text.Json;
using Idp.Build.Components.Descriptor;

namespace Idp.Build.Components.Quality;

/// <summary>
/// Writes a gate's verdict where CI reads it: <c>artifacts/quality-gate.json</c> and GitLab's code-quality
/// report (<c>artifacts/gl-code-quality-report.json</c>, the Code Climate subset GitLab documents).
/// </summary>
public static class QualityGateReports
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Write(QualityGateVerdict result, string artifactsDirectory)
    {
        Directory.CreateDirectory(artifactsDirectory);
        var verdict = new
        {
            source = result.Source,
            status = result.Status.ToString().ToUpperInvariant(),
            passed = result.Passed,
            dashboardUrl = result.DashboardUrl,
            conditions = result.Conditions.Select(c => new { metric = c.Metric, comparator = c.Comparator, threshold = c.Threshold, actual = c.Actual, status = c.Status.ToString().ToUpperInvariant() }),
            newIssues = result.Issues.Count,
        };
        File.WriteAllText(Path.Combine(artifactsDirectory, "quality-gate.json"), JsonSerializer.Serialize(verdict, Json) + "\n");

        var codeQuality = result.Issues.Select(i => new
        {
            description = $"{i.RuleId}: {i.Message}",
            check_name = i.RuleId,
            fingerprint = i.Fingerprint,
            severity = i.Level switch
            {
                IssueSeverity.Error => "critical",
                IssueSeverity.Warning => "major",
                IssueSeverity.Note => "minor",
                _ => "info",
            },
            location = new { path = i.File, lines = new { begin = Math.Max(1, i.Line) } },
        });
        File.WriteAllText(Path.Combine(artifactsDirectory, "gl-code-quality-report.json"), JsonSerializer.Serialize(codeQuality, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
