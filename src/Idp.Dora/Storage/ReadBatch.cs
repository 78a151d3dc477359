using System.Data.Common;

namespace Idp.Dora.Storage;

/// <summary>
/// Reads that do not depend on each other, sent together: as one ADO.NET <see cref="DbBatch"/> (one round trip to
/// PostgreSQL, where each one costs a wake-up of the server process and of this one on a busy machine), or one after
/// the other where the provider has no batches (Microsoft.Data.Sqlite, in process, has no round trip to save).
/// </summary>
internal sealed class ReadBatch
{
    private readonly List<(Statement Statement, Action<DbDataReader> Row)> _reads = [];

    /// <summary>Adds a read whose rows go to <paramref name="row"/>, in order, when <see cref="RunAsync"/> runs.</summary>
    public void Add(string sql, IReadOnlyList<(string Name, object? Value)> parameters, Action<DbDataReader> row) =>
        _reads.Add((new Statement(sql, parameters), row));

    /// <summary>Runs every read added, then forgets them.</summary>
    public async Task RunAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (_reads.Count == 0)
            return;
        if (connection.CanCreateBatch)
            await RunBatchedAsync(connection, cancellationToken);
        else
            await RunOneByOneAsync(connection, cancellationToken);
        _reads.Clear();
    }

    private async Task RunBatchedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var batch = connection.CreateBatch();
        foreach (var (statement, _) in _reads)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = statement.Sql;
            Db.Bind(command.Parameters, command.CreateParameter, statement.Parameters);
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var index = 0;
        do
        {
            while (await reader.ReadAsync(cancellationToken))
                _reads[index].Row(reader);
            index++;
        }
        while (await reader.NextResultAsync(cancellationToken));
    }

    private async Task RunOneByOneAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        foreach (var (statement, row) in _reads)
            await Db.ReadAsync(connection, transaction: null, [statement], row, cancellationToken);
    }
}
