using Idp.Dora.Events;
using Idp.Dora.Storage;

namespace Idp.Dora.Metrics;

/// <summary>Reduces a window's data to the four keys, following rules R1–R6 of dora-semantics.md §6.</summary>
public static class DoraCalculator
{
    /// <summary>The report for <paramref name="filter"/> over <paramref name="data"/>.</summary>
    public static DoraReport Calculate(DoraFilter filter, DoraData data, DoraCalendar calendar)
    {
        var deployments = data.Deployments;
        var days = data.DeploymentInstants
            .Select(ms => calendar.DayOf(DateTimeOffset.FromUnixTimeMilliseconds(ms)))
            .ToHashSet();
        return new DoraReport(
            Timestamp.Format(filter.From),
            Timestamp.Format(filter.To),
            deployments,
            days.Count,
            DeploymentFrequency.Bucket(days, filter.From, filter.To, calendar),
            data.LeadTimeMs / 60_000.0,
            deployments == 0 ? null : (double)data.FailedDeployments / deployments,
            Median.Of(data.RestoreTimesMs) / 3_600_000.0);
    }
}
