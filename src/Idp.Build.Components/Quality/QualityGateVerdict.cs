namespace Idp.Build.Components.Quality;

/// <summary>A quality gate's verdict: from SonarQube or from the local gate, in one shape.</summary>
/// <param name="Source">"sonarqube" or "local".</param>
/// <param name="Status">Error when any condition failed.</param>
/// <param name="Conditions">Every condition evaluated.</param>
/// <param name="Issues">The new analyzer findings (local gate), for the GitLab code-quality report.</param>
/// <param name="DashboardUrl">Where to look at it (SonarQube).</param>
public sealed record QualityGateVerdict(string Source, QualityStatus Status, IReadOnlyList<QualityCondition> Conditions, IReadOnlyList<AnalyzerIssue> Issues, string? DashboardUrl = null)
{
    public bool Passed => Status != QualityStatus.Error;
}
