using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Idp.Dora.Tests.Support;
using static Idp.Dora.Tests.Support.Cd;

namespace Idp.Dora.Tests.Api;

/// <summary>
/// <c>POST /api/events</c> with an array: each (source, id) is stored once, within a batch as across batches; a batch
/// with one invalid event is refused whole; and how events are split into requests never changes the metrics.
/// </summary>
public abstract class BatchIngest(DoraBackend backend)
{
    [Fact]
    public async Task Duplicates_inside_a_batch_are_stored_once()
    {
        await using var server = await DoraServer.StartAsync(backend);
        var d1 = Deploy("d1", "12:00", Commit("c1", "10:00"));

        var answer = await PostAsync(server, d1, Deploy("d2", "13:00", Commit("c2", "12:00")), d1.DeepClone().AsObject());

        answer.GetProperty("accepted").GetInt32().ShouldBe(2);
        answer.GetProperty("duplicates").GetInt32().ShouldBe(1);
        var m = await server.DoraAsync();
        m.GetProperty("deployments").GetInt32().ShouldBe(2);
        m.GetProperty("leadTimeMinutes").GetDouble().ShouldBe(90);
    }

    [Fact]
    public async Task Duplicates_across_batches_are_stored_once()
    {
        await using var server = await DoraServer.StartAsync(backend);
        await PostAsync(server, Deploy("d1", "12:00", Commit("c1", "10:00")), Deploy("d2", "13:00", Commit("c2", "12:00")));

        var answer = await PostAsync(server, Deploy("d2", "13:00", Commit("c2", "12:00")), Deploy("d3", "14:00", Commit("c3", "11:00")));

        answer.GetProperty("accepted").GetInt32().ShouldBe(1);
        answer.GetProperty("duplicates").GetInt32().ShouldBe(1);
        var m = await server.DoraAsync();
        m.GetProperty("deployments").GetInt32().ShouldBe(3);
        m.GetProperty("leadTimeMinutes").GetDouble().ShouldBe(120);
    }

    [Fact]
    public async Task A_batch_with_one_invalid_event_stores_none_of_its_events()
    {
        await using var server = await DoraServer.StartAsync(backend);
        var bad = Deploy("d2", "13:00", Commit("c2", "12:00"));
        bad["context"]!.AsObject().Remove("timestamp");

        var response = await server.PostAsync(new JsonArray(Deploy("d1", "12:00", Commit("c1", "10:00")), bad, Deploy("d3", "14:00")));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString())
            .ShouldBe(["$[1].context.timestamp"]);
        (await server.DoraAsync()).GetProperty("deployments").GetInt32().ShouldBe(0);

        var retried = await PostAsync(server, Deploy("d1", "12:00", Commit("c1", "10:00")), Deploy("d3", "14:00"));
        retried.GetProperty("accepted").GetInt32().ShouldBe(2, "the refused batch must not have stored d1");
    }

    [Fact]
    public async Task Per_event_and_batch_ingest_give_identical_metrics()
    {
        var history = History(new Random(7));
        await using var oneByOne = await DoraServer.StartAsync(backend);
        await using var inBatches = await DoraServer.StartAsync(backend);
        await using var allAtOnce = await DoraServer.StartAsync(backend);
        foreach (var e in history)
            await oneByOne.SendAsync(e);
        var random = new Random(8);
        foreach (var batch in history.Chunk(5))
            await inBatches.SendAsync([.. batch, .. batch.Where(_ => random.Next(4) == 0)]);
        await inBatches.SendAsync([.. history.Where(_ => random.Next(6) == 0)]);
        await allAtOnce.SendAsync([.. history]);

        foreach (var query in new[] { "", "&service=api", "&service=web", "&team=beta", "&service=api&team=alpha", "&timeZone=Europe/Zurich&weekStart=monday" })
        {
            var expected = (await oneByOne.DoraAsync(query: query)).GetRawText();
            (await inBatches.DoraAsync(query: query)).GetRawText().ShouldBe(expected, $"batches of 5 with duplicates, query '{query}'");
            (await allAtOnce.DoraAsync(query: query)).GetRawText().ShouldBe(expected, $"one batch, query '{query}'");
        }
        var platform = (await oneByOne.PlatformAsync()).GetRawText();
        (await inBatches.PlatformAsync()).GetRawText().ShouldBe(platform);
        (await allAtOnce.PlatformAsync()).GetRawText().ShouldBe(platform);
        var all = await oneByOne.DoraAsync();
        all.GetProperty("leadTimeMinutes").ValueKind.ShouldBe(JsonValueKind.Number, "the history has lead times");
        all.GetProperty("changeFailureRate").GetDouble().ShouldBeGreaterThan(0, "the history has failed deployments");
        all.GetProperty("timeToRestoreHours").ValueKind.ShouldBe(JsonValueKind.Number, "the history has restored incidents");
    }

    private static async Task<JsonElement> PostAsync(DoraServer server, params JsonObject[] events)
    {
        var response = await server.PostAsync(new JsonArray([.. events.Select(e => e.DeepClone())]));
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(202, text);
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Two services and teams: deploys sharing commits, rollbacks, staging deploys, failed runs, incidents
    /// linked by deploymentId or by root cause and resolved later.</summary>
    private static List<JsonObject> History(Random random)
    {
        var events = new List<JsonObject>();
        var deployments = new List<string>();
        var start = DateTimeOffset.Parse("2024-03-04T06:00:00Z", CultureInfo.InvariantCulture);
        for (var i = 0; i < 30; i++)
        {
            var service = random.Next(2) == 0 ? "api" : "web";
            var at = start.AddMinutes(random.Next(0, 9000));
            var commits = Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(12))
                .Select(c => new JsonObject { ["sha"] = Sha($"{service}-c{c}"), ["timestamp"] = Time(at.AddMinutes(-random.Next(-30, 3000))) })
                .ToArray();
            var id = $"d{i}";
            var rollback = deployments.Count > 0 && random.Next(6) == 0;
            events.Add(Deployment(rollback ? "service.rolledback" : "service.upgraded", id, Time(at), commits,
                environment: random.Next(8) == 0 ? "staging" : "production", service: service, team: service == "api" ? "alpha" : "beta",
                rollbackOf: rollback ? deployments[random.Next(deployments.Count)] : null, manual: random.Next(4) == 0));
            deployments.Add(id);
            if (random.Next(5) == 0)
                events.Add(FailedRun($"f{i}", Time(at.AddMinutes(-20)), commits));
        }
        for (var i = 0; i < 10; i++)
        {
            var service = random.Next(2) == 0 ? "api" : "web";
            var linkById = random.Next(2) == 0;
            events.Add(Incident("incident.detected", $"i{i}", $"2024-03-0{random.Next(4, 10)}T{random.Next(24):00}:00:00Z", service,
                deploymentId: linkById ? deployments[random.Next(deployments.Count)] : null, rootCause: linkById ? null : $"{service}-c{random.Next(12)}"));
            if (random.Next(3) > 0)
                events.Add(Incident("incident.resolved", $"i{i}", $"2024-03-10T{random.Next(24):00}:00:00Z", service));
        }
        return events;
    }

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
}

public sealed class BatchIngestOnSqlite(SqliteBackend backend) : BatchIngest(backend), IClassFixture<SqliteBackend>;

[Collection(PostgresCollection.Name)]
public sealed class BatchIngestOnPostgres(PostgresBackend backend) : BatchIngest(backend);
