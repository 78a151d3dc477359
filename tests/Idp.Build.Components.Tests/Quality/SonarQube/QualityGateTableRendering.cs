using Idp.Build.Components.Quality;
using Idp.Build.Components.Quality.SonarQube;

namespace Idp.Build.Components.Tests.Quality.SonarQube;

/// <summary>The gate table: aligned columns, comparators as &lt; and &gt;, failed rows only unless asked for all.</summary>
public sealed class QualityGateTableRendering
{
    private static readonly QualityCondition[] Conditions =
    [
        new("line_coverage", "LT", "80", "76.4", QualityStatus.Error),
        new("new_bugs", "GT", "0", "0", QualityStatus.Ok),
        new("code_smells", "GT", "10", "12", QualityStatus.Warn),
    ];

    [Fact]
    public void FailedOnly_ShowsErrorAndWarnRows()
    {
        QualityGateTable.Render(Conditions).ShouldBe(
            """
            Metric        │ Comparator │ Threshold │ Actual │ Status
            ──────────────┼────────────┼───────────┼────────┼───────
            line_coverage │ <          │ 80        │ 76.4   │ ERROR
            code_smells   │ >          │ 10        │ 12     │ WARN

            """.ReplaceLineEndings(Environment.NewLine));
    }

    [Fact]
    public void IncludePassed_ShowsEveryRowInOrder()
    {
        var lines = QualityGateTable.Render(Conditions, includePassed: true).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        lines.Length.ShouldBe(5);
        lines[3].ShouldBe("new_bugs      │ >          │ 0         │ 0      │ OK");
    }

    [Fact]
    public void NothingFailed_SaysSoInsteadOfAnEmptyTable()
    {
        QualityGateTable.Render([Conditions[1]]).ShouldBe("No quality-gate condition failed." + Environment.NewLine);
        QualityGateTable.Render([], includePassed: true).ShouldBe("The quality gate has no conditions." + Environment.NewLine);
    }
}
