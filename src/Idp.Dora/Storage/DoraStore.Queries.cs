using System.Data.Common;

namespace Idp.Dora.Storage;

// The reads behind GET /api/metrics/*: each one a range scan on an index of the derived tables.
public abstract partial class DoraStore
{
    /// <summary>Reads what the four keys need for <paramref name="filter"/>.</summary>
    public async Task<DoraData> ReadDoraAsync(DoraFilter filter, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var deployments = await DeploymentsAsync(connection, filter, cancellationToken);
        var leadTimes = await LongsAsync(connection,
            "SELECT first_deployed_ms - committed_ms FROM changes WHERE first_deployed_ms >= @from AND first_deployed_ms < @to " +
            "AND first_deployed_ms > committed_ms" + Narrow(filter, ""), filter, cancellationToken);
        var failed = await ScalarAsync(connection,
            // IN (…) lets both databases build the failed-id set once and probe it per deployment.
            "SELECT COUNT(*) FROM deployments d " +
            "WHERE d.production = 1 AND d.succeeded = 1 AND d.finished_ms >= @from AND d.finished_ms < @to" + Narrow(filter, "d.") +
            " AND d.id IN (SELECT rollback_of FROM deployments WHERE rollback_of IS NOT NULL " +
            "UNION SELECT deployment_id FROM incidents WHERE production = 1 AND deployment_id IS NOT NULL " +
            "UNION SELECT c.first_deployment FROM incidents i JOIN changes c ON c.service = i.service AND c.sha = i.root_cause_sha " +
            "WHERE i.production = 1 AND i.deployment_id IS NULL)",
            filter, cancellationToken);
        var restores = await RestoreTimesAsync(connection, filter, cancellationToken);
        return new DoraData(deployments, leadTimes, failed, restores);
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

    private static async Task<IReadOnlyList<(long AtMs, long Count)>> DeploymentsAsync(DbConnection connection, DoraFilter filter, CancellationToken cancellationToken)
    {
        // Whole 15-minute slots come from deployment_slots; the partial slots at the window's edges from deployments.
        var firstSlot = IngestPlan.SlotOf(filter.FromMs + IngestPlan.SlotMs - 1);
        var endSlot = IngestPlan.SlotOf(filter.ToMs);
        var result = new List<(long, long)>();
        const string single = "SELECT finished_ms, 1 FROM deployments WHERE production = 1 AND succeeded = 1 AND finished_ms >= @from AND finished_ms < @to";
        if (firstSlot >= endSlot)
        {
            await PairsAsync(connection, single + Narrow(filter, ""), filter, result, cancellationToken);
            return result;
        }
        await PairsAsync(connection, single + Narrow(filter, ""), filter with { To = DateTimeOffset.FromUnixTimeMilliseconds(firstSlot * IngestPlan.SlotMs) }, result, cancellationToken);
        await PairsAsync(connection,
            $"SELECT slot * {IngestPlan.SlotMs}, CAST(SUM(deployments) AS BIGINT) FROM deployment_slots WHERE slot >= @from AND slot < @to{Narrow(filter, "")} GROUP BY slot",
            filter, result, cancellationToken, fromValue: firstSlot, toValue: endSlot);
        await PairsAsync(connection, single + Narrow(filter, ""), filter with { From = DateTimeOffset.FromUnixTimeMilliseconds(endSlot * IngestPlan.SlotMs) }, result, cancellationToken);
        return result;
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
        if (filter.Service is not null)
            parameters.Add(("service", filter.Service));
        if (filter.Team is not null)
            parameters.Add(("team", filter.Team));
        Bind(command, parameters);
        return command;
    }

    private static async Task PairsAsync(DbConnection connection, string sql, DoraFilter filter, List<(long, long)> into, CancellationToken cancellationToken, long? fromValue = null, long? toValue = null)
    {
        await using var command = Command(connection, sql, filter, fromValue, toValue);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            into.Add((reader.GetInt64(0), reader.GetInt64(1)));
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
