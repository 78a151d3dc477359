using Idp.Build.Components.Descriptor;
using Idp.Build.Components.Quality;

namespace Idp.Build.Components.Tests.Quality;

/// <summary>The local gate's coverage condition, with and without coverage reports.</summary>
public sealed class LocalGateCoverage
{
    [Fact]
    public void No_coverage_report_fails_a_threshold_above_zero()
    {
        var verdict = LocalQualityGate.Evaluate(lineCoverage: null, coverageThreshold: 80, [], IssueSeverity.Warning, QualityBaseline.Empty);

        verdict.Status.ShouldBe(QualityStatus.Error);
        verdict.Conditions[0].Actual.ShouldBe("none");
    }

    [Fact]
    public void No_coverage_report_passes_a_threshold_of_zero()
    {
        var verdict = LocalQualityGate.Evaluate(lineCoverage: null, coverageThreshold: 0, [], IssueSeverity.Warning, QualityBaseline.Empty);

        verdict.Status.ShouldBe(QualityStatus.Ok);
    }

    [Fact]
    public void Coverage_below_the_threshold_fails()
    {
        LocalQualityGate.Evaluate(lineCoverage: 79.9, coverageThreshold: 80, [], IssueSeverity.Warning, QualityBaseline.Empty).Status.ShouldBe(QualityStatus.Error);
    }
}
