using System.Data.Common;
using System.Globalization;
using Idp.Dora.Storage;
using Idp.Testing.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Idp.Dora.Tests.Support;

/// <summary>Where a test's Idp.Dora keeps its data; every server a test starts gets a new, empty store.</summary>
public abstract class DoraBackend
{
    /// <summary>The command-line arguments that point a new Idp.Dora at a new, empty store.</summary>
    public abstract Task<string[]> NewStoreArgumentsAsync();

    /// <summary>The SQL dialect of this kind of store.</summary>
    internal abstract SqlDialect Dialect { get; }

    /// <summary>Opens the store at <paramref name="where"/> (the second of <see cref="NewStoreArgumentsAsync"/>) in process.</summary>
    internal abstract DoraStore OpenStore(string where, Func<string, bool> isProduction);

    /// <summary>A connection to the store at <paramref name="where"/>, not yet open, for reading it behind the store's back.</summary>
    internal abstract DbConnection Connect(string where);

    /// <summary>Runs <paramref name="statement"/> on the store at <paramref name="where"/>, behind the store's back.</summary>
    internal async Task ReadAsync(string where, Statement statement, Action<DbDataReader> row)
    {
        await using var connection = Connect(where);
        await connection.OpenAsync();
        await Db.ReadAsync(connection, transaction: null, [statement], row, CancellationToken.None);
    }

    /// <summary>The first column of every row <paramref name="statement"/> reads, as whole numbers.</summary>
    internal async Task<long[]> LongsAsync(string where, Statement statement)
    {
        var values = new List<long>();
        await ReadAsync(where, statement, row => values.Add(Convert.ToInt64(row.GetValue(0), CultureInfo.InvariantCulture)));
        return [.. values];
    }

    /// <summary>Runs <paramref name="statements"/> on the store at <paramref name="where"/> in one transaction.</summary>
    internal async Task ExecuteAsync(string where, params Statement[] statements)
    {
        await using var connection = Connect(where);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Db.ExecuteAsync(connection, transaction, statements, CancellationToken.None);
        await transaction.CommitAsync();
    }
}

/// <summary>A new SQLite file per server, in a directory removed at the end.</summary>
public sealed class SqliteBackend : DoraBackend, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("idp-dora-tests-").FullName;

    public override Task<string[]> NewStoreArgumentsAsync() =>
        Task.FromResult(new[] { "--sqlite", Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db") });

    internal override SqlDialect Dialect => SqlDialect.Sqlite;

    internal override DoraStore OpenStore(string where, Func<string, bool> isProduction) => new SqliteStore(where, isProduction);

    internal override DbConnection Connect(string where) => new SqliteConnection($"Data Source={where}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>A new database per server on one real PostgreSQL (a private cluster unless IDP_TEST_POSTGRES is set).</summary>
public sealed class PostgresBackend : DoraBackend, IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    internal override SqlDialect Dialect => SqlDialect.Postgres;

    internal override DoraStore OpenStore(string where, Func<string, bool> isProduction) => new PostgresStore(where, isProduction);

    internal override DbConnection Connect(string where) => new NpgsqlConnection(where);

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server is not null)
            await _server.DisposeAsync();
    }

    public override async Task<string[]> NewStoreArgumentsAsync()
    {
        var database = "dora_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(Server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return ["--postgres", Server.ConnectionStringFor(database)];
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresBackend>
{
    public const string Name = "PostgreSQL";
}
