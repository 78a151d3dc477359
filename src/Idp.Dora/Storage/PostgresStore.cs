using System.Data.Common;
using Npgsql;

namespace Idp.Dora.Storage;

/// <summary>
/// The store for several instances behind a load balancer: PostgreSQL. A batch of statements goes to the server
/// in one round trip; migrations take an advisory lock so instances starting together apply each migration once.
/// </summary>
public sealed class PostgresStore : DoraStore
{
    private const long MigrationLock = 0x1D0_D02A;
    private const long WriteLock = 0x1D0_D02B;
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Connects with <paramref name="connectionString"/> (nothing is opened until first use).</summary>
    public PostgresStore(string connectionString, Func<string, bool> isProduction) : base(SqlDialect.Postgres, isProduction)
    {
        // JIT compiles every statement whose cost estimate passes jit_above_cost, and the correlated subqueries of
        // ingest and of the restore query estimate high although they probe an index a few thousand times: compiling
        // took 0.5-1.2 s per statement, many times the statement itself. A startup option, so it outlives pool resets.
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        settings.Options = $"{settings.Options} -c jit=off".Trim();
        _dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
    }

    /// <inheritdoc />
    public override async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({MigrationLock})", connection, transaction))
            await command.ExecuteNonQueryAsync(cancellationToken);
        await Migrations.ApplyAsync(Dialect, connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    private protected override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Ingest reads rows before and after its upserts to keep the rollups; one writer at a time across all
        // instances keeps those reads true (as SQLite's single writer does).
        // Ingest reads and writes only rows a batch names, by key, so a sequential scan is never the plan for it; but
        // between autovacuum's ANALYZE runs a growing table looks small to the planner, which then scans all deployments
        // at every batch.
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({WriteLock}); SET LOCAL enable_seqscan = off; SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off", connection, transaction))
            await command.ExecuteNonQueryAsync(cancellationToken);
        var result = await write(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
