using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Idp.Dora.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, so readers never wait for the writer. Writes are serialised in
/// the process (SQLite has one writer at a time), which is also why one SQLite file serves one instance only.
/// </summary>
public sealed class SqliteStore : DoraStore
{
    /// <summary>WAL frames (pages) past which the writer finishes the checkpoint itself before its next batch, so that
    /// the WAL starts over from its beginning instead of growing while checkpoints run beside the writes (256 MiB).</summary>
    private const long RestartFromFrames = 65_536;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private Task _checkpoint = Task.CompletedTask;
    private long _walFrames;

    // The one connection that writes, kept open: SQLite empties a connection's page cache when it finds that another
    // connection wrote since its last transaction, so a writer taken from the pool started most batches with a cold
    // cache and read the indexes it updates back from the file. Guarded by _writer.
    private DbConnection? _writerConnection;

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
    public override async ValueTask DisposeAsync()
    {
        await _checkpoint;
        if (_writerConnection is not null)
            await _writerConnection.DisposeAsync();
        _writer.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();
        // NORMAL is durable in WAL mode except for the last transactions before a power loss; senders retry those.
        // A 256 MiB page cache keeps the indexes that ingest updates at random in memory as the file grows. Checkpoints
        // run beside the writes (see WriteAsync); a commit checkpoints by itself only past 1 GiB of WAL, should those
        // ever stop.
        pragmas.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -262144; PRAGMA wal_autocheckpoint = 262144;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private protected override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var connection = _writerConnection ??= await OpenAsync(cancellationToken);
            if (Interlocked.Read(ref _walFrames) >= RestartFromFrames)
            {
                // A checkpoint beside the writes is always behind the batch being written, so the writer never finds
                // the WAL fully copied, which is when SQLite starts it over; finished here, this batch starts it over.
                await _checkpoint;
                await CheckpointAsync(connection);
                Interlocked.Exchange(ref _walFrames, 0);
            }
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await write(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            // A batch changes pages all over the indexes; a checkpoint writes them back to the file and syncs it. At a
            // million events that took four fifths of each commit when the commit did it; beside the writes, it overlaps
            // the next batches instead.
            if (_checkpoint.IsCompleted)
                _checkpoint = Task.Run(CheckpointBesideAsync, CancellationToken.None);
            return result;
        }
        catch
        {
            // Whatever failed, the next batch starts on a new connection.
            if (_writerConnection is { } used)
            {
                _writerConnection = null;
                await used.DisposeAsync();
            }
            throw;
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task CheckpointBesideAsync()
    {
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None);
            await CheckpointAsync(connection);
        }
        catch (SqliteException)
        {
            // Nothing is lost: the pages stay in the WAL for the next checkpoint, which the next commit starts.
        }
    }

    // PASSIVE waits for neither the writer nor the readers; it copies what it can and tells how much the WAL holds.
    private async Task CheckpointAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync();
        if (await reader.ReadAsync())
            Interlocked.Exchange(ref _walFrames, reader.GetInt64(1));
    }
}
