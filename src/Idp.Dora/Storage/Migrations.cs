using System.Data.Common;

namespace Idp.Dora.Storage;

/// <summary>Applies <see cref="Schema.Migrations"/> that a database has not seen, recording each in <c>schema_version</c>.</summary>
internal static class Migrations
{
    /// <summary>Applies the migrations after the database's version, up to <paramref name="upTo"/> (tests stop at an
    /// older version to prove the upgrade from it) or else all.</summary>
    public static async Task ApplyAsync(SqlDialect dialect, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken, int? upTo = null)
    {
        await RunAsync("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        var current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (current > Schema.Migrations.Count)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {current}, newer than this Idp.Dora knows ({Schema.Migrations.Count}). " +
                "Run the newer Idp.Dora, or point this one at another database.");
        }
        var last = upTo ?? Schema.Migrations.Count;
        var rebuild = false;
        for (var version = current + 1; version <= last; version++)
        {
            var migration = Schema.Migrations[version - 1];
            if (migration.OnlyFor is null || migration.OnlyFor == dialect)
                await RunAsync(dialect.Specialise(migration.Sql));
            await RunAsync($"INSERT INTO schema_version (version) VALUES ({version})");
            rebuild |= migration.RebuildsRollups;
        }
        // Once, at the end: the rebuild writes the current rollup tables, which an older version lacks. A database
        // stopped at an older version (tests build one so) keeps its rollups as they were.
        if (rebuild && last == Schema.Migrations.Count)
            await Storage.Rollups.RebuildAsync(dialect, connection, transaction, cancellationToken);

        async Task RunAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
