namespace Idp.Build.Components.Descriptor;

/// <summary>The <c>quality:</c> section: the thresholds of the quality gate (local or SonarQube).</summary>
/// <param name="Coverage">Minimum line coverage in percent (0–100).</param>
/// <param name="FailOn">Analyzer issues at or above this severity fail the gate; <see cref="IssueSeverity.None"/> never fails on issues.</param>
/// <param name="Baseline">A file of known issues that do not count as new, relative to the descriptor's directory; null for none.</param>
public sealed record QualitySettings(double Coverage, IssueSeverity FailOn, string? Baseline)
{
    /// <summary>The golden path's thresholds: 80 % line coverage, no new warnings or errors.</summary>
    public static QualitySettings Default { get; } = new(80, IssueSeverity.Warning, null);

    /// <summary>True when an issue of <paramref name="severity"/> fails the gate.</summary>
    public bool Fails(IssueSeverity severity) =>
        FailOn != IssueSeverity.None && severity != IssueSeverity.None && severity >= FailOn;
}
