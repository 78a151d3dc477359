using System.Data.Common;
using System.Globalization;
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
/// A database written by an earlier schema (version 2: an index per scope on changes, rollups with row ids and a scope
/// per service, a run record per deployment, PostgreSQL's text in the database's locale) upgrades on start to the
/// current one and answers every query as before, its rollups equal to a rebuild; ingest goes on.
/// </summary>
public abstract class SchemaUpgrade(DoraBackend backend)
{
    private static readonly HashSet<string> Production = new(["production"], StringComparer.OrdinalIgnoreCase);
    private static readonly DoraFilter Week = new(DateTimeOffset.Parse("2024-03-04T00:00:00Z", CultureInfo.InvariantCulture), DateTimeOffset.Parse("2024-03-11T00:00:00Z", CultureInfo.InvariantCulture));

    [Fact]
    public async Task Version_2_database_upgrades_on_start_and_answers_as_before()
    {
        var events = ValidEvents.Read(History(), Production);
        // The same events in a store of the current version, whose stored facts then go into a version-2 database as
        // version 2 stored them (today's ingest writes tables version 2 lacks).
        var current = (await backend.NewStoreArgumentsAsync())[1];
        string before;
        await using (var reference = backend.OpenStore(current, Production.Contains))
        {
            await reference.MigrateAsync();
            await reference.IngestAsync(events[..^5]);
            before = await AnswersAsync(reference);
        }
        var where = (await backend.NewStoreArgumentsAsync())[1];
        await using (var connection = backend.Connect(where))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await Migrations.ApplyAsync(backend.Dialect, connection, transaction, CancellationToken.None, upTo: 2);
            await transaction.CommitAsync();
        }
        foreach (var table in new[] { "events", "deployments", "changes", "incidents", "pipeline_runs", "catalog", "production_teams" })
            await CopyAsync(table, current, where);

        await using var store = backend.OpenStore(where, Production.Contains);
        // Version 2 counted deployments per slot and, until version 4, kept a rollup scope per service; before version 5,
        // every deployment had a run record, not only those with a manual step.
        await backend.ExecuteAsync(where,
            Statement.Of("INSERT INTO pipeline_runs (run_key, team, finished, manual) SELECT 'deployment:' || source || @newline || id, team, 1, 0 " +
                "FROM deployments WHERE true ON CONFLICT (run_key) DO NOTHING", ("newline", "\n")),
            Statement.Of("INSERT INTO deployment_rollups (scope, slot, deployments, failed) VALUES (@scope, 1, 3, 1)", ("scope", "s\napi")),
            Statement.Of("INSERT INTO lead_time_rollups (scope, day, bucket, samples) VALUES (@scope, 1, 40, 2)", ("scope", "s\napi")));

        await store.MigrateAsync();

        (await ScalarAsync(where, "SELECT MAX(version) FROM schema_version")).ShouldBe(Schema.Migrations.Count);
        (await ScalarAsync(where, backend.Dialect == SqlDialect.Postgres
            ? "SELECT COUNT(*) FROM pg_indexes WHERE indexname LIKE 'ix_changes_%'"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_changes_%'")).ShouldBe(3, "window, lead and first-deployment indexes only");
        (await ScalarAsync(where, backend.Dialect == SqlDialect.Postgres
            ? "SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'deployments'"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'deployments'")).ShouldBe(
                backend.Dialect == SqlDialect.Postgres ? 3 : 2, "the key (id, source) serves lookups by id; an index for the window and one for rollbacks");
        if (backend.Dialect == SqlDialect.Postgres)
        {
            (await ScalarAsync(where, "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() " +
                "AND data_type = 'text' AND column_name <> 'body' AND collation_name IS DISTINCT FROM 'C'")).ShouldBe(0, "identifiers compare byte by byte, as in SQLite");
        }
        (await AnswersAsync(store)).ShouldBe(before);
        (await ScalarAsync(where, "SELECT COUNT(*) FROM pipeline_runs WHERE run_key LIKE 'deployment:%' AND manual = 0")).ShouldBe(0, "only deployments with a manual step keep a run record");
        (await ScalarAsync(where, "SELECT COUNT(*) FROM pipeline_runs WHERE run_key LIKE 'deployment:%'")).ShouldBe(6, "d0, d7, d14, d21, d28 and d35 needed a manual step");
        (await RollupSnapshot.ReadAsync(backend, where, rebuild: false)).ShouldBe(await RollupSnapshot.ReadAsync(backend, where, rebuild: true));

        await store.IngestAsync(events[^5..]);
        (await RollupSnapshot.ReadAsync(backend, where, rebuild: false)).ShouldBe(await RollupSnapshot.ReadAsync(backend, where, rebuild: true));
    }

    private static async Task<string> AnswersAsync(DoraStore store)
    {
        var answers = new List<string>();
        foreach (var filter in new[] { Week, Week with { Service = "api" }, Week with { Team = "beta" }, Week with { From = Week.From.AddHours(7), To = Week.To.AddHours(-5) } })
        {
            var data = await store.ReadDoraAsync(filter);
            var slots = data.DeploymentInstants.Select(Rollups.SlotOf).Distinct().Count();
            answers.Add($"{data.Deployments} in {slots} slots, {data.LeadTimeMs} {data.FailedDeployments} [{string.Join(",", data.RestoreTimesMs.Order())}]");
        }
        var platform = await store.ReadPlatformAsync();
        answers.Add($"runs {platform.CompletedRuns}, without a manual step {platform.RunsWithoutManualStep}");
        return string.Join("\n", answers);
    }

    /// <summary>Copies every row of <paramref name="table"/> from one store to another, column by column as named in the
    /// source (the target may be of an older version with the same facts' columns).</summary>
    private async Task CopyAsync(string table, string from, string to)
    {
        var rows = new List<object?[]>();
        string[] columns = [];
        await backend.ReadAsync(from, Statement.Of($"SELECT * FROM {table}"), row =>
        {
            columns = [.. Enumerable.Range(0, row.FieldCount).Select(row.GetName)];
            rows.Add([.. Enumerable.Range(0, row.FieldCount).Select(i => row.IsDBNull(i) ? null : row.GetValue(i))]);
        });
        var insert = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
        await backend.ExecuteAsync(to, [.. rows.Select(row => Statement.Of(insert, [.. columns.Select((c, i) => (c, row[i]))]))]);
    }

    private async Task<long> ScalarAsync(string where, string sql) => (await backend.LongsAsync(where, Statement.Of(sql))).Single();

    /// <summary>A week of deployments of two services with shared commits, a rollback and incidents linked both ways.</summary>
    private static List<JsonObject> History()
    {
        var random = new Random(7);
        var events = new List<JsonObject>();
        for (var i = 0; i < 40; i++)
        {
            var service = i % 2 == 0 ? "api" : "web";
            var at = DateTimeOffset.Parse("2024-03-04T03:00:00Z", CultureInfo.InvariantCulture).AddMinutes(random.Next(0, 9500));
            var commits = Enumerable.Range(0, random.Next(0, 3))
                .Select(_ => new JsonObject { ["sha"] = Sha($"{service}-c{random.Next(20)}"), ["timestamp"] = at.AddMinutes(-random.Next(1, 3000)).ToString("O", CultureInfo.InvariantCulture) })
                .ToArray();
            events.Add(Deployment(i == 30 ? "service.rolledback" : "service.upgraded", $"d{i}", at.ToString("O", CultureInfo.InvariantCulture), commits,
                service: service, team: service == "api" ? "alpha" : "beta", rollbackOf: i == 30 ? "d10" : null, manual: i % 7 == 0 ? true : null));
        }
        for (var i = 0; i < 8; i++)
        {
            var service = i % 2 == 0 ? "api" : "web";
            events.Add(Incident("incident.detected", $"i{i}", $"2024-03-0{5 + (i % 4)}T{random.Next(24):00}:00:00Z", service,
                deploymentId: i % 3 == 0 ? $"d{random.Next(40)}" : null, rootCause: i % 3 == 0 ? null : $"{service}-c{random.Next(20)}"));
            events.Add(Incident("incident.resolved", $"i{i}", "2024-03-10T12:00:00Z", service));
        }
        return events;
    }
}

public sealed class SchemaUpgradeOnSqlite(SqliteBackend backend) : SchemaUpgrade(backend), IClassFixture<SqliteBackend>;

[Collection(PostgresCollection.Name)]
public sealed class SchemaUpgradeOnPostgres(PostgresBackend backend) : SchemaUpgrade(backend);
