using System.Data.Common;
using Idp.Dora.Events;

namespace Idp.Dora.Storage;

/// <summary>
/// The event store and the queries behind the metrics, over ADO.NET. <see cref="SqliteStore"/> and
/// <see cref="PostgresStore"/> differ only in how they open connections and keep writers one at a time.
/// </summary>
public abstract partial class DoraStore : IAsyncDisposable
{
    private readonly IngestPlan _plan;
    private readonly GroupCommit _groupCommit;

    private protected DoraStore(SqlDialect dialect, Func<string, bool> isProduction)
    {
        Dialect = dialect;
        _plan = new IngestPlan(dialect, isProduction);
        _groupCommit = new GroupCommit(IngestGroupAsync);
    }

    /// <summary>"sqlite" or "postgres", shown on the dashboard and in logs.</summary>
    public string Kind => Dialect.Name;

    private protected SqlDialect Dialect { get; }

    /// <summary>Applies the migrations that this database has not seen yet.</summary>
    public abstract Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores new events and folds them into the derived tables in one transaction, which batches posted
    /// meanwhile may share (see <see cref="GroupCommit"/>); re-sent events change nothing.</summary>
    public Task<IngestResult> IngestAsync(IReadOnlyList<DoraEvent> events, CancellationToken cancellationToken = default) =>
        _groupCommit.WriteAsync(events, cancellationToken);

    private Task<IReadOnlyList<IngestResult>> IngestGroupAsync(IReadOnlyList<IReadOnlyList<DoraEvent>> batches)
    {
        var received = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        // Within a group, as across groups, the first event with a (source, id) is the one kept.
        var unique = batches.SelectMany(b => b).DistinctBy(e => (e.Source, e.Id)).ToList();
        return WriteAsync<IReadOnlyList<IngestResult>>(async (connection, transaction) =>
        {
            var inserted = new HashSet<(string, string)>();
            await Db.ReadAsync(connection, transaction, _plan.InsertEvents(unique, received),
                row => inserted.Add((row.GetString(0), row.GetString(1))), CancellationToken.None);
            var fresh = unique.Where(e => inserted.Contains((e.Source, e.Id))).ToList();
            if (fresh.Count > 0)
                await FoldAsync(connection, transaction, fresh, CancellationToken.None);
            var counted = new HashSet<(string, string)>();
            return [.. batches.Select(batch =>
            {
                var accepted = batch.Count(e => inserted.Contains((e.Source, e.Id)) && counted.Add((e.Source, e.Id)));
                return new IngestResult(accepted, batch.Count - accepted);
            })];
        }, CancellationToken.None);
    }

    /// <summary>Registers a team for the adoption rate; registering again changes nothing.</summary>
    public Task RegisterTeamAsync(string team, CancellationToken cancellationToken = default) =>
        WriteAsync((connection, transaction) => ExecuteAsync(connection, transaction,
            [Statement.Of("INSERT INTO teams (team, registered_ms) VALUES (@team, @at) ON CONFLICT (team) DO NOTHING",
                ("team", team), ("at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()))], cancellationToken), cancellationToken);

    /// <summary>Stores one NPS survey answer.</summary>
    public Task AddNpsResponseAsync(string team, int score, CancellationToken cancellationToken = default) =>
        WriteAsync((connection, transaction) => ExecuteAsync(connection, transaction,
            [Statement.Of("INSERT INTO nps_responses (team, score, received_ms) VALUES (@team, @score, @at)",
                ("team", team), ("score", score), ("at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()))], cancellationToken), cancellationToken);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();

    private protected abstract Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken);

    private protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    // WriteAsync returns a value; these writes have none to give.
    private static async Task<bool> ExecuteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Statement> statements, CancellationToken cancellationToken)
    {
        await Db.ExecuteAsync(connection, transaction, statements, cancellationToken);
        return true;
    }
}
