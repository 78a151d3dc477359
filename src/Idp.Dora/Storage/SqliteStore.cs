using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Idp.Dora.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, so readers never wait for the writer. Writes are serialised in
/// the process (SQLite has one writer at a time), which is also why one SQLite file serves one instance only.
/// </summary>
public sealed class SqliteStore : DoraStore
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Opens (and creates when missing) the database at <paramref name="path"/>.</summary>
    public SqliteStore(string path, Func<string, bool> isProduction) : base(SqlDialect.Sqlite, isProduction)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    /// <inheritdoc />
    public override async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = (SqliteConnection)await OpenAsync(cancellationToken);
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await Migrations.ApplyAsync(Dialect, connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        _writer.Dispose();
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    private protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();
        // NORMAL is durable in WAL mode except for the last transactions before a power loss; senders retry those.
        // A 256 MiB page cache keeps the indexes that ingest updates at random in memory as the file grows. Checkpoints
        // every 32 MiB of WAL instead of 4 MiB write a page that several batches changed back to the file once, not once each.
        pragmas.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -262144; PRAGMA wal_autocheckpoint = 8192;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private protected override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await write(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writer.Release();
        }
    }
}
