namespace Idp.Build.Components.Quality;

/// <summary>How a quality-gate condition (or the whole gate) came out.</summary>
public enum QualityStatus
{
    Ok,
    Warn,
    Error,
}

/// <summary>
/// One condition of a quality gate, as SonarQube reports it and as the local gate evaluates it: the metric,
/// how it is compared (<c>LT</c>: the actual value must not be less than the threshold; <c>GT</c>: not greater),
/// the threshold, the actual value, and the outcome. Values are strings, as on SonarQube's wire.
/// </summary>
public sealed record QualityCondition(string Metric, string Comparator, string Threshold, string Actual, QualityStatus Status);
