using System.Data.Common;
using Idp.Dora.Metrics;

namespace Idp.Dora.Storage;

// The reads behind GET /api/metrics/*: each one a range scan on an index of the derived tables.
public abstract partial class DoraStore
{
    /// <summary>Reads what the four keys need for <paramref name="filter"/>.</summary>
    public async Task<DoraData> ReadDoraAsync(DoraFilter filter, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // Everything but the exact read of the lead-time median's bucket goes in one batch; that read needs the counts.
        var reads = new ReadBatch();
        var deployments = ReadDeployments(reads, filter);
        var leadTimes = ReadLeadTimes(Dialect, reads, filter);
        var restores = ReadRestoreTimes(reads, filter);
        await reads.RunAsync(connection, cancellationToken);
        var leadTime = await LeadTimeMedianAsync(Dialect, connection, filter, leadTimes, cancellationToken);
        return new DoraData(deployments.Instants, deployments.Count, leadTime, deployments.Failed, [.. restores]);
    }

    /// <summary>Reads the counts behind the platform metrics.</summary>
    public async Task<PlatformData> ReadPlatformAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var none = new DoraFilter(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var registered = await ScalarAsync(connection, "SELECT COUNT(*) FROM teams", none, cancellationToken);
        var onboarded = await ScalarAsync(connection, "SELECT COUNT(*) FROM teams t JOIN production_teams p ON p.team = t.team", none, cancellationToken);
        // Every deployment is a finished run; pipeline_runs holds the runs that pipelinerun events report, and a record of
        // each deployment that needed a manual step.
        var deployed = await ScalarAsync(connection, "SELECT COUNT(*) FROM deployments", none, cancellationToken);
        var reported = await ScalarAsync(connection, $"SELECT COUNT(*) FROM pipeline_runs WHERE finished = 1 AND run_key NOT LIKE '{IngestPlan.DeploymentRunPrefix}%'", none, cancellationToken);
        var byHand = await ScalarAsync(connection, "SELECT COUNT(*) FROM pipeline_runs WHERE finished = 1 AND manual = 1", none, cancellationToken);
        var completed = deployed + reported;
        var unattended = completed - byHand;
        var scores = await LongsAsync(connection, "SELECT score FROM nps_responses", none, cancellationToken);
        return new PlatformData(registered, onboarded, completed, unattended, scores.Select(s => (int)s).ToArray());
    }

    /// <summary>Every (service, team) with a production deployment, for the dashboard and <c>/metrics</c>.</summary>
    public async Task<IReadOnlyList<(string Service, string Team)>> ReadCatalogAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var list = new List<(string, string)>();
        await Db.ReadAsync(connection, transaction: null, [Statement.Of("SELECT service, team FROM catalog ORDER BY service, team")],
            row => list.Add((row.GetString(0), row.GetString(1))), cancellationToken);
        return list;
    }

    /// <summary>The window's production deployments: when, how many, how many failed.</summary>
    private sealed class WindowDeployments
    {
        public List<long> Instants { get; } = [];

        public long Count { get; set; }

        public long Failed { get; set; }
    }

    /// <summary>Adds the reads of the window's deployments: whole UTC days from deployment_days, the partial days at the
    /// window's edges from deployments.</summary>
    private static WindowDeployments ReadDeployments(ReadBatch reads, DoraFilter filter)
    {
        var firstDay = Rollups.DayOf(filter.FromMs + Rollups.DayMs - 1);
        var endDay = Rollups.DayOf(filter.ToMs);
        var window = new WindowDeployments();
        var single = "SELECT finished_ms, failed FROM deployments WHERE production = 1 AND succeeded = 1 AND finished_ms >= @from AND finished_ms < @to" + Narrow(filter, "");
        void Single(DbDataReader row)
        {
            window.Instants.Add(row.GetInt64(0));
            window.Count++;
            window.Failed += Convert.ToInt64(row.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }
        if (firstDay >= endDay)
        {
            Add(reads, single, filter, Single);
            return window;
        }
        Add(reads, single, filter with { To = DateTimeOffset.FromUnixTimeMilliseconds(firstDay * Rollups.DayMs) }, Single);
        Add(reads, $"SELECT day, deployments, failed, slots_low, slots_high FROM deployment_days WHERE scope IN ({Rollups.ScopesRead(filter)}) AND day >= @from AND day < @to AND deployments > 0",
            filter, row =>
            {
                var day = new DeploymentDay(row.GetInt64(1), row.GetInt64(2), row.GetInt64(3), row.GetInt64(4));
                window.Instants.AddRange(day.SlotStarts(row.GetInt64(0)));
                window.Count += day.Deployments;
                window.Failed += day.Failed;
            }, fromValue: firstDay, toValue: endDay);
        Add(reads, single, filter with { From = DateTimeOffset.FromUnixTimeMilliseconds(endDay * Rollups.DayMs) }, Single);
        return window;
    }

    /// <summary>What the lead-time median is computed from: exact samples of partial UTC days at the window's edges
    /// (or of the whole window when it holds no whole day), and sample counts per bucket over the whole days.</summary>
    private sealed record LeadTimeCounts(DoraFilter WholeDays, bool HasWholeDays, List<long> Edges, SortedDictionary<int, long> Buckets);

    private const string Lead = "first_deployed_ms - committed_ms";

    private static string ExactLeadTimes(SqlDialect dialect, DoraFilter filter) =>
        $"SELECT {Lead} FROM changes{dialect.IndexedBy("ix_changes_window")} WHERE first_deployed_ms >= @from AND first_deployed_ms < @to AND first_deployed_ms > committed_ms" + Narrow(filter, "");

    private static LeadTimeCounts ReadLeadTimes(SqlDialect dialect, ReadBatch reads, DoraFilter filter)
    {
        var firstDay = Rollups.DayOf(filter.FromMs + Rollups.DayMs - 1);
        var endDay = Rollups.DayOf(filter.ToMs);
        var whole = filter with { From = DateTimeOffset.FromUnixTimeMilliseconds(firstDay * Rollups.DayMs), To = DateTimeOffset.FromUnixTimeMilliseconds(endDay * Rollups.DayMs) };
        var counts = new LeadTimeCounts(whole, firstDay < endDay, [], []);
        void Edge(DbDataReader row) => counts.Edges.Add(row.GetInt64(0));
        if (!counts.HasWholeDays)
        {
            Add(reads, ExactLeadTimes(dialect, filter), filter, Edge);
            return counts;
        }
        Add(reads, ExactLeadTimes(dialect, filter), filter with { To = whole.From }, Edge);
        Add(reads, ExactLeadTimes(dialect, filter), filter with { From = whole.To }, Edge);
        Add(reads, $"SELECT CAST(bucket AS BIGINT), CAST(SUM(samples) AS BIGINT) FROM lead_time_rollups WHERE scope IN ({Rollups.ScopesRead(filter)}) AND day >= @from AND day < @to GROUP BY bucket",
            filter, row => counts.Buckets[(int)row.GetInt64(0)] = row.GetInt64(1), fromValue: firstDay, toValue: endDay);
        return counts;
    }

    /// <summary>
    /// The interpolated median of the lead-time samples (rule R3) in the window, in ms: the bucket counts locate the
    /// middle sample(s); only the bucket(s) holding them are then read exactly.
    /// </summary>
    private static async Task<double?> LeadTimeMedianAsync(SqlDialect dialect, DbConnection connection, DoraFilter filter, LeadTimeCounts read, CancellationToken cancellationToken)
    {
        if (!read.HasWholeDays)
            return Median.Of([.. read.Edges]);
        var counts = read.Buckets;
        foreach (var edge in read.Edges)
            counts[Rollups.BucketOf(edge)] = counts.GetValueOrDefault(Rollups.BucketOf(edge)) + 1;
        var total = counts.Values.Sum();
        if (total == 0)
            return null;

        long[] ranks = total % 2 == 1 ? [total / 2] : [(total / 2) - 1, total / 2];
        var located = ranks.Select(rank =>
        {
            var below = 0L;
            foreach (var (bucket, count) in counts)
            {
                if (rank < below + count)
                    return (Bucket: bucket, Index: rank - below);
                below += count;
            }
            throw new InvalidOperationException($"Rank {rank} lies beyond the {total} lead-time samples counted.");
        }).ToList();

        // Both middle ranks of an even count mostly fall into one bucket: each bucket is read once.
        var reads = new ReadBatch();
        var values = new Dictionary<int, List<long>>();
        foreach (var bucket in located.Select(l => l.Bucket).Distinct())
        {
            var (low, high) = Rollups.RangeOf(bucket);
            var list = values[bucket] = [.. read.Edges.Where(e => Rollups.BucketOf(e) == bucket)];
            // "+ 0" keeps PostgreSQL off the window index too (SQLite is told the index), so it reads the narrow
            // lead-time range of the expression index rather than the whole window.
            Add(reads, $"SELECT {Lead} FROM changes{dialect.IndexedBy("ix_changes_lead")} WHERE {Lead} >= {low} AND {Lead} < {high} AND first_deployed_ms + 0 >= @from AND first_deployed_ms + 0 < @to" + Narrow(filter, ""),
                read.WholeDays, row => list.Add(row.GetInt64(0)));
        }
        await reads.RunAsync(connection, cancellationToken);

        var middle = new List<long>();
        foreach (var (bucket, index) in located)
        {
            var sorted = values[bucket];
            if (sorted.Count != counts[bucket])
            {
                // The rollup disagrees with the changes it counts; never answer from it then.
                return Median.Of(await LongsAsync(connection, ExactLeadTimes(dialect, filter), filter, cancellationToken));
            }
            sorted.Sort();
            middle.Add(sorted[(int)index]);
        }
        return middle.Count == 1 ? middle[0] : (middle[0] + (double)middle[1]) / 2;
    }

    private static List<long> ReadRestoreTimes(ReadBatch reads, DoraFilter filter)
    {
        var samples = new List<long>();
        // The blamed change by a scalar subquery, not a LEFT JOIN: PostgreSQL overestimates the window's incidents
        // about sixfold and then hashes the whole changes table (0.6 s at a million events) instead of probing its key.
        Add(reads,
            "SELECT i.created_ms, i.resolved_ms, COALESCE(" +
            "(SELECT MIN(d.finished_ms) FROM deployments d WHERE d.id = i.deployment_id AND d.production = 1 AND d.succeeded = 1), " +
            "(SELECT c.first_deployed_ms FROM changes c WHERE i.deployment_id IS NULL AND c.service = i.service AND c.sha = i.root_cause_sha)) " +
            "FROM incidents i " +
            "WHERE i.production = 1 AND i.created_ms >= @from AND i.created_ms < @to AND i.resolved_ms IS NOT NULL" + Narrow(filter, "i."),
            filter, row =>
            {
                var created = row.GetInt64(0);
                var start = row.IsDBNull(2) ? created : Math.Min(created, row.GetInt64(2));
                var duration = row.GetInt64(1) - start;
                if (duration >= 0)
                    samples.Add(duration);
            });
        return samples;
    }

    private static string Narrow(DoraFilter filter, string alias) =>
        (filter.Service is null ? "" : $" AND {alias}service = @service") + (filter.Team is null ? "" : $" AND {alias}team = @team");

    private static List<(string Name, object? Value)> Parameters(string sql, DoraFilter filter, long? fromValue = null, long? toValue = null)
    {
        var parameters = new List<(string, object?)>();
        if (sql.Contains("@from", StringComparison.Ordinal))
            parameters.Add(("from", fromValue ?? filter.FromMs));
        if (sql.Contains("@to", StringComparison.Ordinal))
            parameters.Add(("to", toValue ?? filter.ToMs));
        if (filter.Service is not null && sql.Contains("@service", StringComparison.Ordinal))
            parameters.Add(("service", filter.Service));
        if (filter.Team is not null && sql.Contains("@team", StringComparison.Ordinal))
            parameters.Add(("team", filter.Team));
        if (sql.Contains("@scope", StringComparison.Ordinal))
            parameters.Add(("scope", Rollups.ScopeOf(filter)));
        if (sql.Contains("@newline", StringComparison.Ordinal))
            parameters.Add(("newline", "\n"));
        return parameters;
    }

    private static void Add(ReadBatch reads, string sql, DoraFilter filter, Action<DbDataReader> row, long? fromValue = null, long? toValue = null) =>
        reads.Add(sql, Parameters(sql, filter, fromValue, toValue), row);

    private static async Task<long[]> LongsAsync(DbConnection connection, string sql, DoraFilter filter, CancellationToken cancellationToken)
    {
        var values = new List<long>();
        await Db.ReadAsync(connection, transaction: null, [new Statement(sql, Parameters(sql, filter))], row => values.Add(row.GetInt64(0)), cancellationToken);
        return [.. values];
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, DoraFilter filter, CancellationToken cancellationToken) =>
        (await LongsAsync(connection, sql, filter, cancellationToken)).Single();
}
