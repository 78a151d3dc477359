using System.Text.Json.Nodes;

namespace Idp.Build.Components.Dora;

/// <summary>
/// Pre-computes Pushgateway gauges from the events of this run, per (service, environment): when the last
/// deployment finished, the median lead time of its commits, how many commits it shipped, and whether the last
/// attempt failed.
/// </summary>
public static class DoraGauges
{
    /// <summary>Gauges per (service, environment) for the deployments among <paramref name="events"/> (JSON).</summary>
    public static IReadOnlyList<(string Service, string Environment, IReadOnlyList<Gauge> Gauges)> From(IEnumerable<string> events)
    {
        var latest = new Dictionary<(string, string), (DateTimeOffset At, JsonNode Event, bool Failed)>();
        foreach (var json in events)
        {
            if (JsonNode.Parse(json) is not JsonObject e || e["context"]?["type"]?.GetValue<string>() is not { } type)
                continue;
            var failed = type.StartsWith("dev.cdevents.pipelinerun.finished.", StringComparison.Ordinal);
            if (!failed && !type.StartsWith("dev.cdevents.service.", StringComparison.Ordinal))
                continue;
            var service = e["customData"]?["service"]?.GetValue<string>();
            var environment = failed
                ? e["customData"]?["environment"]?.GetValue<string>()
                : e["subject"]?["content"]?["environment"]?["id"]?.GetValue<string>();
            if (service is null || environment is null || !DateTimeOffset.TryParse(e["context"]?["timestamp"]?.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out var at))
                continue;
            if (!latest.TryGetValue((service, environment), out var known) || at >= known.At)
                latest[(service, environment)] = (at, e, failed);
        }
        return latest.Select(pair =>
        {
            var (at, e, failed) = pair.Value;
            var commits = (e["customData"]?["commits"] as JsonArray ?? [])
                .Select(c => DateTimeOffset.TryParse(c?["timestamp"]?.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out var t) ? (at - t).TotalSeconds : (double?)null)
                .OfType<double>().Where(s => s > 0).Order().ToList();
            var gauges = new List<Gauge>
            {
                new("dora_last_deployment_failed", "1 when the last deploy attempt failed, else 0.", failed ? 1 : 0),
                new("dora_last_deployment_commits", "Commits shipped by the last deploy attempt.", commits.Count),
            };
            if (!failed)
                gauges.Add(new("dora_last_deployment_timestamp_seconds", "When the last successful deployment finished (Unix seconds).", at.ToUnixTimeSeconds()));
            if (!failed && commits.Count > 0)
            {
                var median = commits.Count % 2 == 1 ? commits[commits.Count / 2] : (commits[commits.Count / 2 - 1] + commits[commits.Count / 2]) / 2;
                gauges.Add(new("dora_last_deployment_lead_time_seconds", "Median lead time of the last deployment's commits.", median));
            }
            return (pair.Key.Item1, pair.Key.Item2, (IReadOnlyList<Gauge>)gauges);
        }).ToList();
    }
}
