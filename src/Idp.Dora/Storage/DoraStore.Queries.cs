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
        var (deployments, failed) = await DeploymentsAsync(connection, filter, cancellationToken);
        var leadTime = await LeadTimeMedianAsync(Dialect, connection, filter, cancellationToken);
        var restores = await RestoreTimesAsync(connection, filter, cancellationToken);
        return new DoraData(deployments, leadTime, failed, restores);
    }

    /// <summary>Reads the counts behind the platform metrics.</summary>
    public async Task<PlatformData> ReadPlatformAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var none = new DoraFilter(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var registered = await ScalarAsync(connection, "SELECT COUNT(*) FROM teams", none, cancellationToken);
        var onboarded = await ScalarAsync(connection, "SELECT COUNT(*) FROM teams t JOIN production_teams p ON p.team = t.team", none, cancellationToken);
        var completed = await ScalarAsync(connection, "SELECT COUNT(*) FROM pipeline_runs WHERE finished = 1", none, cancellationToken);
        var unattended = await ScalarAsync(connection, "SELECT COUNT(*) FROM pipeline_runs WHERE finished = 1 AND manual = 0", none, cancellationToken);
        var scores = await LongsAsync(connection, "SELECT score FROM nps_responses", none, cancellationToken);
        return new PlatformData(registered, onboarded, completed, unattended, scores.Select(s => (int)s).ToArray());
    }

    /// <summary>Every (service, team) with a production deployment, for the dashboard and <c>/metrics</c>.</summary>
    public async Task<IReadOnlyList<(string Service, string Team)>> ReadCatalogAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT service, team FROM catalog ORDER BY service, team";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken))
            list.Add((reader.GetString(0), reader.GetString(1)));
        return list;
    }

    private static async Task<(IReadOnlyList<(long AtMs, long Count)> Deployments, long Failed)> DeploymentsAsync(DbConnection connection, DoraFilter filter, CancellationToken cancellationToken)
    {
        // Whole 15-minute slots come from deployment_rollups; the partial slots at the window's edges from deployments.
        var firstSlot = Rollups.SlotOf(filter.FromMs + Rollups.SlotMs - 1);
        var endSlot = Rollups.SlotOf(filter.ToMs);
        var rows = new List<(long AtMs, long Count, long Failed)>();
        var single = "SELECT finished_ms, 1, failed FROM deployments WHERE production = 1 AND succeeded = 1 AND finished_ms >= @from AND finished_ms < @to" + Narrow(filter, "");
        if (firstSlot >= endSlot)
        {
            await TriplesAsync(connection, single, filter, rows, cancellationToken);
        }
        else
        {
            await TriplesAsync(connection, single, filter with { To = DateTimeOffset.FromUnixTimeMilliseconds(firstSlot * Rollups.SlotMs) }, rows, cancellationToken);
            await TriplesAsync(connection,
                $"SELECT slot * {Rollups.SlotMs}, deployments, failed FROM deployment_rollups WHERE scope = @scope AND slot >= @from AND slot < @to AND deployments > 0",
                filter, rows, cancellationToken, fromValue: firstSlot, toValue: endSlot);
            await TriplesAsync(connection, single, filter with { From = DateTimeOffset.FromUnixTimeMilliseconds(endSlot * Rollups.SlotMs) }, rows, cancellationToken);
        }
        return ([.. rows.Select(r => (r.AtMs, r.Count))], rows.Sum(r => r.Failed));
    }

    /// <summary>
    /// The interpolated median of the lead-time samples (rule R3) in the window, in ms. Partial UTC days at the window's
    /// edges are read exactly, whole days as bucket counts from lead_time_rollups; only the bucket(s) holding the
    /// median are then read exactly.
    /// </summary>
    private static async Task<double?> LeadTimeMedianAsync(SqlDialect dialect, DbConnection connection, DoraFilter filter, CancellationToken cancellationToken)
    {
        const string lead = "first_deployed_ms - committed_ms";
        var exact = $"SELECT {lead} FROM changes{dialect.IndexedBy("ix_changes_window")} WHERE first_deployed_ms >= @from AND first_deployed_ms < @to AND first_deployed_ms > committed_ms" + Narrow(filter, "");
        var firstDay = Rollups.DayOf(filter.FromMs + Rollups.DayMs - 1);
        var endDay = Rollups.DayOf(filter.ToMs);
        if (firstDay >= endDay)
            return Median.Of(await LongsAsync(connection, exact, filter, cancellationToken));

        var whole = filter with { From = DateTimeOffset.FromUnixTimeMilliseconds(firstDay * Rollups.DayMs), To = DateTimeOffset.FromUnixTimeMilliseconds(endDay * Rollups.DayMs) };
        long[] edges = [.. await LongsAsync(connection, exact, filter with { To = whole.From }, cancellationToken),
            .. await LongsAsync(connection, exact, filter with { From = whole.To }, cancellationToken)];
        var buckets = new List<(long Bucket, long Count, long Unused)>();
        await TriplesAsync(connection,
            "SELECT CAST(bucket AS BIGINT), CAST(SUM(samples) AS BIGINT), 0 FROM lead_time_rollups WHERE scope = @scope AND day >= @from AND day < @to GROUP BY bucket",
            filter, buckets, cancellationToken, fromValue: firstDay, toValue: endDay);
        var counts = new SortedDictionary<int, long>();
        foreach (var (bucket, count, _) in buckets)
            counts[(int)bucket] = count;
        foreach (var edge in edges)
            counts[Rollups.BucketOf(edge)] = counts.GetValueOrDefault(Rollups.BucketOf(edge)) + 1;
        var total = counts.Values.Sum();
        if (total == 0)
            return null;

        long[] ranks = total % 2 == 1 ? [total / 2] : [(total / 2) - 1, total / 2];
        var middle = new List<long>();
        foreach (var rank in ranks)
        {
            var below = 0L;
            foreach (var (bucket, count) in counts)
            {
                if (rank >= below + count)
                {
                    below += count;
                    continue;
                }
                var (low, high) = Rollups.RangeOf(bucket);
                // "+ 0" keeps PostgreSQL off the window index too (SQLite is told the index), so it reads the narrow
                // lead-time range of the expression index rather than the whole window.
                var values = (await LongsAsync(connection,
                    $"SELECT {lead} FROM changes{dialect.IndexedBy("ix_changes_lead")} WHERE {lead} >= {low} AND {lead} < {high} AND first_deployed_ms + 0 >= @from AND first_deployed_ms + 0 < @to" + Narrow(filter, ""),
                    whole, cancellationToken)).Concat(edges.Where(e => Rollups.BucketOf(e) == bucket)).Order().ToArray();
                if (values.Length != count)
                {
                    // The rollup disagrees with the changes it counts; never answer from it then.
                    return Median.Of(await LongsAsync(connection, exact, filter, cancellationToken));
                }
                middle.Add(values[rank - below]);
                break;
            }
        }
        return middle.Count == 1 ? middle[0] : (middle[0] + (double)middle[1]) / 2;
    }

    private static async Task<long[]> RestoreTimesAsync(DbConnection connection, DoraFilter filter, CancellationToken cancellationToken)
    {
        await using var command = Command(connection,
            "SELECT i.created_ms, i.resolved_ms, COALESCE(" +
            "(SELECT MIN(d.finished_ms) FROM deployments d WHERE d.id = i.deployment_id AND d.production = 1 AND d.succeeded = 1), c.first_deployed_ms) " +
            "FROM incidents i LEFT JOIN changes c ON i.deployment_id IS NULL AND c.service = i.service AND c.sha = i.root_cause_sha " +
            "WHERE i.production = 1 AND i.created_ms >= @from AND i.created_ms < @to AND i.resolved_ms IS NOT NULL" + Narrow(filter, "i."),
            filter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var samples = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var created = reader.GetInt64(0);
            var start = reader.IsDBNull(2) ? created : Math.Min(created, reader.GetInt64(2));
            var duration = reader.GetInt64(1) - start;
            if (duration >= 0)
                samples.Add(duration);
        }
        return [.. samples];
    }

    private static string Narrow(DoraFilter filter, string alias) =>
        (filter.Service is null ? "" : $" AND {alias}service = @service") + (filter.Team is null ? "" : $" AND {alias}team = @team");

    private static DbCommand Command(DbConnection connection, string sql, DoraFilter filter, long? fromValue = null, long? toValue = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
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
        Bind(command, parameters);
        return command;
    }

    private static async Task TriplesAsync(DbConnection connection, string sql, DoraFilter filter, List<(long, long, long)> into, CancellationToken cancellationToken, long? fromValue = null, long? toValue = null)
    {
        await using var command = Command(connection, sql, filter, fromValue, toValue);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            into.Add((reader.GetInt64(0), reader.GetInt64(1), Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static async Task<long[]> LongsAsync(DbConnection connection, string sql, DoraFilter filter, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, filter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
            values.Add(reader.GetInt64(0));
        return [.. values];
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, DoraFilter filter, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, filter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
