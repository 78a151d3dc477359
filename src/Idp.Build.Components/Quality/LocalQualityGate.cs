using System.Globalization;
using Idp.Build.Components.Descriptor;

namespace Idp.Build.Components.Quality;

/// <summary>
/// The quality gate that needs no server: line coverage at least the threshold, and no new analyzer finding at
/// or above the level the service fails on. The same conditions SonarQube's default gate checks, judged here.
/// </summary>
public static class LocalQualityGate
{
    public static QualityGateVerdict Evaluate(double? lineCoverage, double coverageThreshold, IReadOnlyList<AnalyzerIssue> issues, IssueSeverity failOn, QualityBaseline baseline)
    {
        var coverage = new QualityCondition(
            "line_coverage",
            "LT",
            Format(coverageThreshold),
            lineCoverage is { } c ? Format(c) : "none",
            CoverageMet(lineCoverage, coverageThreshold) ? QualityStatus.Ok : QualityStatus.Error);

        var fresh = issues.Where(i => !baseline.Contains(i)).ToArray();
        var counted = failOn == IssueSeverity.None ? [] : fresh.Where(i => i.Level >= failOn && i.Level != IssueSeverity.None).ToArray();
        var issuesCondition = new QualityCondition(
            failOn == IssueSeverity.None ? "new_issues (not gated)" : $"new_issues ({failOn.ToString().ToLowerInvariant()} and above)",
            "GT",
            "0",
            counted.Length.ToString(CultureInfo.InvariantCulture),
            counted.Length == 0 ? QualityStatus.Ok : QualityStatus.Error);

        var conditions = new[] { coverage, issuesCondition };
        var status = conditions.Any(x => x.Status == QualityStatus.Error) ? QualityStatus.Error : QualityStatus.Ok;
        return new QualityGateVerdict("local", status, conditions, fresh);
    }

    // A threshold of 0 asks for no coverage, so a service without test projects (yet) passes it; any other
    // threshold needs a coverage report.
    private static bool CoverageMet(double? lineCoverage, double threshold) =>
        lineCoverage is { } actual ? actual >= threshold : threshold <= 0;

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
