namespace Idp.Dora.Metrics;

/// <summary>
/// Classifies each key into a performance tier for one benchmark year (dora-semantics.md §2.2). 2023 uses the cut-offs
/// DevLake derived from that report (CFR ≤5/10/15 %, lead time &lt;1 d/1 wk/30 d, recovery &lt;1 h/1 d/1 wk); 2019 uses
/// the report's ranges as Four Keys reads them (strict upper bounds). The classifier is kept apart from the metrics.
/// </summary>
public static class DoraTier
{
    /// <summary>The benchmark years the classifier knows.</summary>
    public static readonly IReadOnlyList<int> Years = [2019, 2023];

    /// <summary>The tier of a lead time in minutes.</summary>
    public static string? LeadTime(double? minutes, int year = 2023) => minutes is not { } m ? null : year switch
    {
        2019 => m < 24 * 60 ? "Elite" : m < 168 * 60 ? "High" : m < 730 * 60 ? "Medium" : "Low",
        _ => m < 24 * 60 ? "Elite" : m < 7 * 24 * 60 ? "High" : m < 30 * 24 * 60 ? "Medium" : "Low",
    };

    /// <summary>The tier of a change failure rate (fraction).</summary>
    public static string? ChangeFailureRate(double? rate, int year = 2023) => rate is not { } r ? null : year switch
    {
        2019 => r <= 0.15 ? "Elite" : r < 0.46 ? "Medium" : "Low",
        _ => r <= 0.05 ? "Elite" : r <= 0.10 ? "High" : r <= 0.15 ? "Medium" : "Low",
    };

    /// <summary>The tier of a time to restore in hours.</summary>
    public static string? TimeToRestore(double? hours, int year = 2023) => hours is not { } h ? null : year switch
    {
        2019 => h < 1 ? "Elite" : h < 24 ? "High" : h < 168 ? "Medium" : "Low",
        _ => h < 1 ? "Elite" : h < 24 ? "High" : h < 168 ? "Medium" : "Low",
    };

    /// <summary>The tier of a deployment-frequency bucket.</summary>
    public static string? DeploymentFrequency(string? bucket) => bucket switch
    {
        "Daily" => "Elite",
        "Weekly" => "High",
        "Monthly" => "Medium",
        "Yearly" => "Low",
        _ => null,
    };

    /// <summary>The overall tier: the lowest of the keys that have data.</summary>
    public static string? Overall(DoraReport report, int year = 2023)
    {
        string?[] tiers = [DeploymentFrequency(report.DeploymentFrequency), LeadTime(report.LeadTimeMinutes, year),
            ChangeFailureRate(report.ChangeFailureRate, year), TimeToRestore(report.TimeToRestoreHours, year)];
        string[] order = ["Elite", "High", "Medium", "Low"];
        var known = tiers.OfType<string>().ToList();
        return known.Count == 0 ? null : known.MaxBy(t => Array.IndexOf(order, t));
    }
}
