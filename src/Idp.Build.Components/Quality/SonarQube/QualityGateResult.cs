namespace Idp.Build.Components.Quality.SonarQube;

/// <summary>How the quality gate of an analysis came out (<c>projectStatus.status</c>).</summary>
public enum QualityGateStatus
{
    /// <summary><c>OK</c>: every condition passed.</summary>
    Ok,

    /// <summary><c>WARN</c>: a warning condition was hit (servers before 7.6 only).</summary>
    Warn,

    /// <summary><c>ERROR</c>: at least one condition failed.</summary>
    Error,

    /// <summary><c>NONE</c>: no quality gate is associated with the project.</summary>
    None,
}

/// <summary>The quality gate of one analysis: the overall status and every condition as SonarQube evaluated it.</summary>
/// <param name="Status">The overall status.</param>
/// <param name="Conditions">The conditions, in the server's order; thresholds and values are the server's strings.</param>
public sealed record QualityGateResult(QualityGateStatus Status, IReadOnlyList<QualityCondition> Conditions)
{
    /// <summary>The conditions that did not pass (status WARN or ERROR).</summary>
    public IReadOnlyList<QualityCondition> FailedConditions => Conditions.Where(c => c.Status != QualityStatus.Ok).ToArray();
}
