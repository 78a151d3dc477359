using System.Text.Json;
using System.Text.Json.Nodes;
using Idp.Dora.Tests.Support;
using static Idp.Dora.Tests.Support.Cd;

namespace Idp.Dora.Tests.Metrics;

/// <summary>Properties over seeded random histories: CFR stays in [0, 1]; arrival order and re-sending change nothing.</summary>
public abstract class Properties(DoraBackend backend)
{
    private const int Histories = 15;

    [Fact]
    public async Task Change_failure_rate_stays_between_zero_and_one()
    {
        await using var server = await DoraServer.StartAsync(backend);
        for (var seed = 0; seed < Histories; seed++)
        {
            var service = $"cfr-{seed}";
            await server.SendAsync([.. History(new Random(seed), service)]);
            var m = await server.DoraAsync(query: $"&service={service}");
            if (m.GetProperty("changeFailureRate").ValueKind == JsonValueKind.Number)
                m.GetProperty("changeFailureRate").GetDouble().ShouldBeInRange(0, 1, $"seed {seed}");
        }
    }

    [Fact]
    public async Task Metrics_do_not_depend_on_arrival_order()
    {
        await using var server = await DoraServer.StartAsync(backend);
        for (var seed = 0; seed < Histories; seed++)
        {
            var history = History(new Random(seed), $"order-{seed}");
            await server.SendAsync([.. history]);
            var shuffled = Rename(history, $"order-{seed}", $"shuffled-{seed}");
            new Random(seed + 1000).Shuffle(shuffled);
            foreach (var chunk in shuffled.Chunk(7))
                await server.SendAsync(chunk);
            Strip(await server.DoraAsync(query: $"&service=order-{seed}"))
                .ShouldBe(Strip(await server.DoraAsync(query: $"&service=shuffled-{seed}")), $"seed {seed}");
        }
    }

    [Fact]
    public async Task Resending_any_event_leaves_the_metrics_unchanged()
    {
        await using var server = await DoraServer.StartAsync(backend);
        for (var seed = 0; seed < Histories; seed++)
        {
            var service = $"again-{seed}";
            var history = History(new Random(seed), service);
            await server.SendAsync([.. history]);
            var before = (await server.DoraAsync(query: $"&service={service}")).GetRawText();
            var random = new Random(seed);
            await server.SendAsync([.. history.Where(_ => random.Next(2) == 0), history[^1]]);
            (await server.DoraAsync(query: $"&service={service}")).GetRawText().ShouldBe(before, $"seed {seed}");
        }
    }

    /// <summary>Deploys with overlapping commits, redeploys, rollbacks, incidents linked by id and by root cause.</summary>
    private static List<JsonObject> History(Random random, string service)
    {
        var events = new List<JsonObject>();
        var deployments = new List<string>();
        for (var i = 0; i < random.Next(3, 12); i++)
        {
            var at = DateTimeOffset.Parse("2024-03-04T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture).AddMinutes(random.Next(0, 9000));
            var commits = Enumerable.Range(0, random.Next(0, 4))
                .Select(_ => random.Next(15))
                .Select(c => new JsonObject { ["sha"] = Sha($"{service}-c{c}"), ["timestamp"] = at.AddMinutes(-random.Next(-30, 3000) - c).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture) })
                .ToArray();
            var id = $"{service}-d{i}";
            var rollback = deployments.Count > 0 && random.Next(5) == 0;
            events.Add(Deployment(rollback ? "service.rolledback" : "service.upgraded", id, at.ToString("O", System.Globalization.CultureInfo.InvariantCulture), commits,
                service: service, rollbackOf: rollback ? deployments[random.Next(deployments.Count)] : null));
            deployments.Add(id);
        }
        for (var i = 0; i < random.Next(0, 8); i++)
        {
            var created = $"2024-03-0{random.Next(4, 10)}T{random.Next(24):00}:00:00Z";
            var linkById = random.Next(2) == 0;
            events.Add(Incident("incident.detected", $"{service}-i{random.Next(5)}", created, service,
                deploymentId: linkById ? deployments[random.Next(deployments.Count)] : null,
                rootCause: linkById ? null : $"{service}-c{random.Next(15)}"));
            events.Add(Incident("incident.resolved", $"{service}-i{random.Next(5)}", $"2024-03-10T{random.Next(24):00}:00:00Z", service));
        }
        return events;
    }

    private static JsonObject[] Rename(List<JsonObject> history, string from, string to) =>
        history.Select(e => (JsonObject)JsonNode.Parse(e.ToJsonString().Replace(from, to, StringComparison.Ordinal))!).ToArray();

    private static string Strip(JsonElement metrics) => metrics.GetRawText();
}

public sealed class PropertiesOnSqlite(SqliteBackend backend) : Properties(backend), IClassFixture<SqliteBackend>;

[Collection(PostgresCollection.Name)]
public sealed class PropertiesOnPostgres(PostgresBackend backend) : Properties(backend);
