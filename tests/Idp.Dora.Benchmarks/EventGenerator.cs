using System.Globalization;
using System.Text;

namespace Idp.Dora.Benchmarks;

/// <summary>
/// Seeded events at random instants of a period: 72 % deployments (85 % of them to production, 1–2 commits each, some
/// redeploys), 4 % rollbacks, 8 % failed deploy runs, 8 % incidents detected and 8 % resolved, over 20 services and
/// 5 teams. Event ids and commits are numbered from <paramref name="firstNumber"/>, so generators with distant first
/// numbers give distinct events.
/// </summary>
public sealed class EventGenerator(int seed, DateTimeOffset start, DateTimeOffset end, long firstNumber = 0)
{
    private readonly Random _random = new(seed);
    private readonly long _span = (long)(end - start).TotalSeconds;
    private long _next = firstNumber;

    public string Batch(int count)
    {
        var body = new StringBuilder("[");
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                body.Append(',');
            body.Append(Next());
        }
        return body.Append(']').ToString();
    }

    private string Next()
    {
        var n = _next++;
        var service = _random.Next(20);
        var team = service % 5;
        var at = start.AddSeconds(_random.NextInt64(_span));
        var roll = _random.Next(100);
        var custom = $"\"service\":\"service-{service}\",\"team\":\"team-{team}\"";
        if (roll < 76)
        {
            var environment = _random.Next(100) < 85 ? "production" : "staging";
            var kind = roll < 72 ? "service.upgraded" : "service.rolledback";
            var commits = string.Join(',', Enumerable.Range(0, _random.Next(1, 3)).Select(_ =>
            {
                var commit = _random.Next(100) < 10 ? n - _random.Next(1, 50) : n;
                return $"{{\"sha\":\"{Hash(commit, _random.Next(2))}\",\"timestamp\":\"{Time(at.AddMinutes(-_random.Next(5, 5000)))}\"}}";
            }));
            var rollback = kind == "service.rolledback" ? $",\"rollbackOf\":\"d{Math.Max(0, n - _random.Next(1, 200))}\"" : "";
            return Event(kind, $"d{n}", at, $"service-{service}",
                $"{{\"environment\":{{\"id\":\"{environment}\"}},\"artifactId\":\"pkg:oci/service-{service}@sha256:{Hash(n, 0)}\"}}",
                $"{{{custom},\"commits\":[{commits}]{rollback}}}");
        }
        if (roll < 84)
        {
            return Event("pipelinerun.finished", $"f{n}", at, $"run-{n}", "{\"outcome\":\"failure\",\"pipelineName\":\"deploy\"}",
                $"{{{custom},\"environment\":\"production\",\"manualIntervention\":{(_random.Next(10) == 0 ? "true" : "false")}}}");
        }
        var incident = $"inc-{n / 2}";
        var resolved = roll >= 92;
        var link = _random.Next(2) == 0 ? $",\"deploymentId\":\"d{Math.Max(0, n - _random.Next(1, 100))}\"" : $",\"rootCauseSha\":\"{Hash(Math.Max(0, n - _random.Next(1, 100)), 0)}\"";
        return Event(resolved ? "incident.resolved" : "incident.detected", $"i{n}", resolved ? at.AddHours(_random.Next(1, 48)) : at, incident,
            "{\"environment\":{\"id\":\"production\"}}", $"{{{custom}{link}}}");
    }

    private static string Event(string kind, string id, DateTimeOffset at, string subject, string content, string custom) =>
        $"{{\"context\":{{\"specversion\":\"0.5.1\",\"id\":\"{id}\",\"source\":\"/bench\",\"type\":\"dev.cdevents.{kind}.0.3.0\",\"timestamp\":\"{Time(at)}\"}}," +
        $"\"subject\":{{\"id\":\"{subject}\",\"content\":{content}}},\"customData\":{custom}}}";

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Hash(long n, int salt) => (n * 2654435761L + salt).ToString("x16", CultureInfo.InvariantCulture).PadLeft(40, '0');
}
