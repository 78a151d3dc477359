namespace Idp.Build.Components.Quality.SonarQube;

/// <summary>
/// Renders quality-gate conditions as a plain-text table — metric, comparator, threshold, actual, status — the
/// same table whether SonarQube or the local gate evaluated them, so a failed gate reads the same everywhere.
/// </summary>
public static class QualityGateTable
{
    private static readonly string[] Headers = ["Metric", "Comparator", "Threshold", "Actual", "Status"];

    /// <summary>Renders the failed conditions (status WARN or ERROR), or all of them.</summary>
    /// <param name="conditions">The gate's conditions, in the order to show.</param>
    /// <param name="includePassed">Also show the conditions that passed.</param>
    /// <returns>The table, one line per condition, ending in a newline; or one sentence when there is nothing to show.</returns>
    public static string Render(IEnumerable<QualityCondition> conditions, bool includePassed = false)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var all = conditions.ToArray();
        var shown = includePassed ? all : all.Where(c => c.Status != QualityStatus.Ok).ToArray();
        if (shown.Length == 0)
            return all.Length == 0 ? "The quality gate has no conditions." + Environment.NewLine : "No quality-gate condition failed." + Environment.NewLine;

        var table = new TextTable(Headers);
        foreach (var condition in shown)
            table.Add(condition.Metric, Comparator(condition.Comparator), condition.Threshold, condition.Actual, Status(condition.Status));
        return table.Render();
    }

    /// <summary>SonarQube's comparators as a reader expects them: the condition fails when <c>actual comparator threshold</c>.</summary>
    private static string Comparator(string comparator) => comparator.ToUpperInvariant() switch
    {
        "LT" => "<",
        "GT" => ">",
        "EQ" => "=",
        "NE" => "!=",
        _ => comparator,
    };

    private static string Status(QualityStatus status) => status switch
    {
        QualityStatus.Ok => "OK",
        QualityStatus.Warn => "WARN",
        _ => "ERROR",
    };
}
