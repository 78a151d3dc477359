using System.Text;

namespace Idp.Build.Components.Quality;

/// <summary>The quality gate's verdict as a merge-request note: a status line, the conditions, the new findings.</summary>
public static class QualityGateNote
{
    public static string Markdown(QualityGateVerdict verdict)
    {
        var text = new StringBuilder();
        text.AppendLine($"### Quality gate ({verdict.Source}): {(verdict.Passed ? "✅ passed" : "❌ failed")}");
        text.AppendLine();
        text.AppendLine("| Metric | Comparator | Threshold | Actual | Status |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var condition in verdict.Conditions)
            text.AppendLine($"| {condition.Metric} | {condition.Comparator} | {condition.Threshold} | {condition.Actual} | {condition.Status.ToString().ToUpperInvariant()} |");
        if (verdict.Issues.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"New analyzer findings ({verdict.Issues.Count}):");
            foreach (var issue in verdict.Issues.Take(50))
                text.AppendLine($"- `{issue.File}:{issue.Line}` **{issue.RuleId}** {issue.Message}");
        }
        if (verdict.DashboardUrl is not null)
            text.AppendLine().AppendLine($"[SonarQube dashboard]({verdict.DashboardUrl})");
        return text.ToString();
    }
}
