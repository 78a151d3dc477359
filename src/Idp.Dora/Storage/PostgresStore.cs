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
    public PostgresStore(string connectionString, Func<string, bool> isProduction) : base(SqlDialect.Postgres, isProduction) =>
        _dataSource = NpgsqlDataSource.Create(connectionString);

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
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({WriteLock})", connection, transaction))
            await command.ExecuteNonQueryAsync(cancellationToken);
        var result = await write(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
