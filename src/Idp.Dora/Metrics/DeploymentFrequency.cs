namespace Idp.Dora.Metrics;

/// <summary>
/// Four Keys' deployment-frequency bucket over the window's weeks (partial weeks included):
/// Daily when the median number of deployment days per week is at least 3; else Weekly when the median week has a
/// deployment; else Monthly when the median week's month has a deployment; else Yearly.
/// </summary>
public static class DeploymentFrequency
{
    /// <summary>The bucket for <paramref name="deploymentDays"/> in <c>[from, to)</c>, or null without deployments.</summary>
    public static string? Bucket(IReadOnlySet<DateOnly> deploymentDays, DateTimeOffset from, DateTimeOffset to, DoraCalendar calendar)
    {
        if (deploymentDays.Count == 0)
            return null;
        var weeks = calendar.WeeksOf(from, to).Select(week => new
        {
            Month = new DateOnly(week.Year, week.Month, 1),
            Days = Enumerable.Range(0, 7).Count(offset => deploymentDays.Contains(week.AddDays(offset))),
        }).ToList();
        var deployedWeeksPerMonth = weeks.GroupBy(w => w.Month).ToDictionary(g => g.Key, g => g.Count(w => w.Days > 0));

        if (Median.Of(weeks.Select(w => (double)w.Days).ToList()) >= 3)
            return "Daily";
        if (Median.Of(weeks.Select(w => w.Days > 0 ? 1.0 : 0.0).ToList()) >= 1)
            return "Weekly";
        if (Median.Of(weeks.Select(w => (double)deployedWeeksPerMonth[w.Month]).ToList()) >= 1)
            return "Monthly";
        return "Yearly";
    }
}
