using Idp.Dora.Storage;

namespace Idp.Dora.Tests.Support;

/// <summary>
/// A store's rollup rows and failed deployments as sorted lines: as ingest kept them, or as a rebuild from the stored
/// facts makes them (the rebuild is rolled back, so the store is left as it was).
/// </summary>
internal static class RollupSnapshot
{
    public static async Task<string> ReadAsync(DoraBackend backend, string where, bool rebuild)
    {
        await using var connection = backend.Connect(where);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (rebuild)
            await Rollups.RebuildAsync(backend.Dialect, connection, transaction, CancellationToken.None);
        var lines = new List<string>();
        await Db.ReadAsync(connection, transaction,
        [
            Statement.Of("SELECT 'day:' || scope || ':' || CAST(day AS TEXT) || ':' || CAST(deployments AS TEXT) || ':' || CAST(failed AS TEXT) || ':' || " +
                "CAST(slots_low AS TEXT) || ':' || CAST(slots_high AS TEXT) FROM deployment_days WHERE deployments <> 0 OR failed <> 0"),
            Statement.Of("SELECT 'lead:' || scope || ':' || CAST(day AS TEXT) || ':' || CAST(bucket AS TEXT) || ':' || CAST(samples AS TEXT) FROM lead_time_rollups WHERE samples <> 0"),
            Statement.Of("SELECT 'failed:' || source || ':' || id FROM deployments WHERE failed = 1"),
        ], row => lines.Add(row.GetString(0)), CancellationToken.None);
        await transaction.RollbackAsync();
        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }
}
