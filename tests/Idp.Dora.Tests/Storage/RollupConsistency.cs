using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Idp.Dora.Events;
using Idp.Dora.Storage;
using Idp.Dora.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;
using static Idp.Dora.Tests.Support.Cd;

namespace Idp.Dora.Tests.Storage;

/// <summary>
/// The rollups and failed flags kept at ingest equal what a rebuild from the stored facts gives, whatever the arrival
/// order, the batching and the duplicates: including a change whose first deployment moves earlier after an incident
/// blamed it, and an incident that gets its deploymentId after its root cause.
/// </summary>
public abstract class RollupConsistency(DoraBackend backend)
{
    private static readonly HashSet<string> Production = new(["production", "prod"], StringComparer.OrdinalIgnoreCase);

    [Fact]
    public async Task Rollups_kept_at_ingest_equal_a_rebuild_whatever_the_arrival_order()
    {
        for (var seed = 0; seed < 6; seed++)
        {
            var events = ValidEvents.Read(History(new Random(seed)), Production);
            var inOrder = await StoreAsync(events.Chunk(events.Count).ToList());
            var random = new Random(seed + 100);
            var shuffled = ShuffledWithRepeats(events, random);
            var outOfOrder = await StoreAsync([.. shuffled.Chunk(1 + random.Next(5))]);

            var kept = await RollupSnapshot.ReadAsync(backend, inOrder, rebuild: false);
            kept.ShouldBe(await RollupSnapshot.ReadAsync(backend, inOrder, rebuild: true), $"seed {seed}: the rollups differ from a rebuild");
            var keptOutOfOrder = await RollupSnapshot.ReadAsync(backend, outOfOrder, rebuild: false);
            keptOutOfOrder.ShouldBe(await RollupSnapshot.ReadAsync(backend, outOfOrder, rebuild: true), $"seed {seed}: out of order, the rollups differ from a rebuild");
            keptOutOfOrder.ShouldBe(kept, $"seed {seed}: arrival order changed the rollups");
            kept.Contains("lead:*", StringComparison.Ordinal).ShouldBeTrue($"seed {seed}: the history has lead-time samples");
        }
    }

    [Fact]
    public async Task Batches_posted_at_once_give_the_rollups_and_counts_of_one_by_one_ingest()
    {
        for (var seed = 0; seed < 3; seed++)
        {
            var events = ValidEvents.Read(History(new Random(seed)), Production);
            var oneByOne = await StoreAsync(events.Chunk(events.Count).ToList());
            var random = new Random(seed + 200);
            var shuffled = ShuffledWithRepeats(events, random);

            var where = (await backend.NewStoreArgumentsAsync())[1];
            await using (var store = await OpenAsync(where))
            {
                // On threads of their own: SQLite's async calls complete synchronously, so a plain loop would post one by one.
                var answers = await Task.WhenAll(shuffled.Chunk(1 + random.Next(5)).Select(batch => Task.Run(() => store.IngestAsync(batch))));
                answers.Sum(a => a.Accepted).ShouldBe(events.Count, $"seed {seed}: every distinct event is accepted once");
                answers.Sum(a => a.Duplicates).ShouldBe(shuffled.Length - events.Count, $"seed {seed}: every repeat is a duplicate");
            }

            (await RollupSnapshot.ReadAsync(backend, where, rebuild: false)).ShouldBe(await RollupSnapshot.ReadAsync(backend, oneByOne, rebuild: false), $"seed {seed}: posting at once changed the rollups");
        }
    }

    // About a third of the events sent twice, all in random order.
    private static DoraEvent[] ShuffledWithRepeats(List<DoraEvent> events, Random random)
    {
        var shuffled = events.Concat(events.Where(_ => random.Next(3) == 0)).ToArray();
        random.Shuffle(shuffled);
        return shuffled;
    }

    private async Task<string> StoreAsync(List<DoraEvent[]> batches)
    {
        var where = (await backend.NewStoreArgumentsAsync())[1];
        await using var store = await OpenAsync(where);
        foreach (var batch in batches)
            await store.IngestAsync(batch);
        return where;
    }

    private async Task<DoraStore> OpenAsync(string where)
    {
        var store = backend.OpenStore(where, Production.Contains);
        await store.MigrateAsync();
        return store;
    }

    /// <summary>Two services and teams; redeploys of shared commits, rollbacks, staging deploys, incidents linked by
    /// deploymentId and by root cause (some both, in separate events).</summary>
    private static List<JsonObject> History(Random random)
    {
        var events = new List<JsonObject>();
        var deployments = new List<(string Id, string Service)>();
        for (var i = 0; i < 30; i++)
        {
            var service = random.Next(2) == 0 ? "api" : "web";
            var at = DateTimeOffset.Parse("2024-03-04T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture).AddMinutes(random.Next(0, 9000));
            var commits = Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(12))
                .Select(c => new JsonObject { ["sha"] = Sha($"{service}-c{c}"), ["timestamp"] = at.AddMinutes(-random.Next(-30, 3000)).ToString("O", System.Globalization.CultureInfo.InvariantCulture) })
                .ToArray();
            var id = $"d{i}";
            var rollback = deployments.Count > 0 && random.Next(6) == 0;
            events.Add(Deployment(rollback ? "service.rolledback" : "service.upgraded", id, at.ToString("O", System.Globalization.CultureInfo.InvariantCulture), commits,
                environment: random.Next(8) == 0 ? "staging" : "production", service: service, team: service == "api" ? "alpha" : "beta",
                rollbackOf: rollback ? deployments[random.Next(deployments.Count)].Id : null));
            deployments.Add((id, service));
        }
        for (var i = 0; i < 12; i++)
        {
            var (deployment, service) = deployments[random.Next(deployments.Count)];
            var incident = $"i{i}";
            var created = $"2024-03-0{random.Next(4, 10)}T{random.Next(24):00}:00:00Z";
            events.Add(Incident("incident.detected", incident, created, service, rootCause: $"{service}-c{random.Next(12)}"));
            if (random.Next(2) == 0)
                events.Add(Incident("incident.resolved", incident, $"2024-03-10T{random.Next(24):00}:00:00Z", service, deploymentId: deployment));
        }
        return events;
    }
}

public sealed class RollupConsistencyOnSqlite(SqliteBackend backend) : RollupConsistency(backend), IClassFixture<SqliteBackend>;

[Collection(PostgresCollection.Name)]
public sealed class RollupConsistencyOnPostgres(PostgresBackend backend) : RollupConsistency(backend);
