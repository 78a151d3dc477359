using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Idp.Dora.Events;
using Idp.Dora.Metrics;
using Idp.Dora.Storage;
using Idp.Dora.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;
using static Idp.Dora.Tests.Support.Cd;

namespace Idp.Dora.Tests.Storage;

/// <summary>
/// The lead-time median that a metrics read locates through the rollups and then reads from one or two buckets equals
/// the interpolated median of every stored sample in the window (rule R3), for windows of whole UTC days and for ragged
/// ones, for every scope (api is deployed by two teams, and team beta deploys both services); the deployments the
/// rollups count are the stored ones; and the time-to-restore samples are the ones the stored incidents give (rule R5).
/// </summary>
public abstract class MedianFromRollups(DoraBackend backend)
{
    private static readonly HashSet<string> Production = new(["production"], StringComparer.OrdinalIgnoreCase);
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Read_medians_equal_the_median_of_all_stored_samples_in_the_window()
    {
        for (var seed = 0; seed < 4; seed++)
        {
            var where = (await backend.NewStoreArgumentsAsync())[1];
            await using (var store = backend.OpenStore(where, Production.Contains))
            {
                await store.MigrateAsync();
                var events = ValidEvents.Read(History(new Random(seed)), Production);
                foreach (var batch in events.Chunk(37))
                    await store.IngestAsync(batch);

                var windows = new[]
                {
                    (Start.AddDays(1), Start.AddDays(8)),
                    (Start.AddDays(1).AddHours(7).AddMinutes(13), Start.AddDays(7).AddHours(19).AddMinutes(41)),
                    (Start.AddDays(3).AddHours(2), Start.AddDays(3).AddHours(20)),
                };
                foreach (var (from, to) in windows)
                {
                    foreach (var filter in new[]
                    {
                        new DoraFilter(from, to), new DoraFilter(from, to, Service: "api"), new DoraFilter(from, to, Team: "beta"),
                        new DoraFilter(from, to, Service: "api", Team: "beta"), new DoraFilter(from, to, Service: "web", Team: "alpha"),
                    })
                    {
                        var data = await store.ReadDoraAsync(filter);
                        var deployments = await LongsAsync(where,
                            "SELECT COUNT(*) FROM deployments WHERE production = 1 AND succeeded = 1 AND finished_ms >= @from AND finished_ms < @to" + Narrow(filter), filter);
                        data.Deployments.ShouldBe(deployments.Single(), $"seed {seed}, {filter}");
                        var slots = await LongsAsync(where,
                            $"SELECT DISTINCT finished_ms / {Rollups.SlotMs} FROM deployments WHERE production = 1 AND succeeded = 1 AND finished_ms >= @from AND finished_ms < @to" + Narrow(filter), filter);
                        data.DeploymentInstants.Select(Rollups.SlotOf).Distinct().Order().ShouldBe(slots.Order(), $"seed {seed}, {filter}: the slots with deployments");
                        var failed = await LongsAsync(where,
                            "SELECT COALESCE(SUM(failed), 0) FROM deployments WHERE production = 1 AND succeeded = 1 AND finished_ms >= @from AND finished_ms < @to" + Narrow(filter), filter);
                        data.FailedDeployments.ShouldBe(failed.Single(), $"seed {seed}, {filter}");
                        var expected = Median.Of(await LongsAsync(where,
                            "SELECT first_deployed_ms - committed_ms FROM changes WHERE first_deployed_ms >= @from AND first_deployed_ms < @to AND first_deployed_ms > committed_ms" + Narrow(filter), filter));
                        data.LeadTimeMs.ShouldBe(expected, $"seed {seed}, {filter}");
                        var restores = await RestoreTimesAsync(where, filter);
                        data.RestoreTimesMs.Order().ShouldBe(restores.Order(), $"seed {seed}, {filter}");
                    }
                }
            }
        }
    }

    private static string Narrow(DoraFilter filter) =>
        (filter.Service is null ? "" : " AND service = @service") + (filter.Team is null ? "" : " AND team = @team");

    private Task<long[]> LongsAsync(string where, string sql, DoraFilter filter) =>
        backend.LongsAsync(where, Statement.Of(sql, [.. new (string Name, object? Value)[]
        {
            ("from", filter.From.ToUnixTimeMilliseconds()), ("to", filter.To.ToUnixTimeMilliseconds()), ("service", filter.Service), ("team", filter.Team),
        }.Where(p => p.Value is not null)]));

    /// <summary>Rule R5 from the stored rows, joined the plain way: resolved minus the earlier of created and the linked
    /// deployment's (or else the blamed change's first deployment's) finish.</summary>
    private async Task<long[]> RestoreTimesAsync(string where, DoraFilter filter)
    {
        var rows = await LongsAsync(where,
            "SELECT i.resolved_ms - CASE WHEN s.start_ms IS NOT NULL AND s.start_ms < i.created_ms THEN s.start_ms ELSE i.created_ms END FROM incidents i " +
            "LEFT JOIN (SELECT i2.incident_id, COALESCE(d.finished_ms, c.first_deployed_ms) AS start_ms FROM incidents i2 " +
            "LEFT JOIN deployments d ON d.id = i2.deployment_id AND d.production = 1 AND d.succeeded = 1 " +
            "LEFT JOIN changes c ON i2.deployment_id IS NULL AND c.service = i2.service AND c.sha = i2.root_cause_sha) s ON s.incident_id = i.incident_id " +
            "WHERE i.production = 1 AND i.created_ms >= @from AND i.created_ms < @to AND i.resolved_ms IS NOT NULL" + Narrow(filter).Replace(" service", " i.service", StringComparison.Ordinal).Replace(" team", " i.team", StringComparison.Ordinal),
            filter);
        return [.. rows.Where(r => r >= 0)];
    }

    /// <summary>Ten days of deployments of two services (a quarter of api's by team beta, the rest by alpha), lead times from seconds to days (so the samples spread over
    /// many buckets and some share one), redeploys of earlier commits, and incidents linked both ways.</summary>
    private static List<JsonObject> History(Random random)
    {
        var events = new List<JsonObject>();
        for (var i = 0; i < 160 + random.Next(2); i++)
        {
            var service = random.Next(2) == 0 ? "api" : "web";
            var at = Start.AddMinutes(random.Next(0, 10 * 24 * 60));
            var commits = Enumerable.Range(0, random.Next(0, 4))
                .Select(_ => new JsonObject
                {
                    ["sha"] = Sha($"{service}-c{random.Next(400)}"),
                    ["timestamp"] = at.AddSeconds(-Math.Pow(2, random.Next(1, 18)) - random.Next(60)).ToString("O", CultureInfo.InvariantCulture),
                })
                .ToArray();
            events.Add(Deployment("service.upgraded", $"d{i}", at.ToString("O", CultureInfo.InvariantCulture), commits,
                service: service, team: service == "web" || random.Next(4) == 0 ? "beta" : "alpha"));
        }
        for (var i = 0; i < 20; i++)
        {
            var service = random.Next(2) == 0 ? "api" : "web";
            var created = Start.AddDays(1).AddMinutes(random.Next(0, 7 * 24 * 60));
            events.Add(Incident("incident.detected", $"i{i}", created.ToString("O", CultureInfo.InvariantCulture), service,
                deploymentId: random.Next(2) == 0 ? $"d{random.Next(160)}" : null, rootCause: $"{service}-c{random.Next(400)}"));
            events.Add(Incident("incident.resolved", $"i{i}", created.AddMinutes(random.Next(1, 3000)).ToString("O", CultureInfo.InvariantCulture), service));
        }
        return events;
    }
}

public sealed class MedianFromRollupsOnSqlite(SqliteBackend backend) : MedianFromRollups(backend), IClassFixture<SqliteBackend>;

[Collection(PostgresCollection.Name)]
public sealed class MedianFromRollupsOnPostgres(PostgresBackend backend) : MedianFromRollups(backend);
