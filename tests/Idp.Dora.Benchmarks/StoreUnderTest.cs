using Idp.Dora.Hosting;
using Idp.Testing.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Idp.Dora.Benchmarks;

/// <summary>
/// The real Idp.Dora on a loopback port over a new, empty store: a SQLite file in a temporary directory, or a database
/// on a private PostgreSQL cluster switched back to PostgreSQL's durable defaults (the test fixture turns fsync off).
/// </summary>
public sealed class StoreUnderTest : IAsyncDisposable
{
    private readonly string _directory;
    private readonly PostgresServer? _postgres;
    private readonly WebApplication _app;

    private StoreUnderTest(string kind, string directory, PostgresServer? postgres, int? postmasterPid, WebApplication app, Uri address)
    {
        Kind = kind;
        Cpu = new CpuClock(postmasterPid);
        _directory = directory;
        _postgres = postgres;
        _app = app;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
    }

    /// <summary>"sqlite" or "postgres".</summary>
    public string Kind { get; }

    /// <summary>The CPU time of the endpoint and of its PostgreSQL server.</summary>
    public CpuClock Cpu { get; }

    /// <summary>A client for the endpoint's HTTP API.</summary>
    public HttpClient Http { get; }

    /// <summary>The endpoint's own services (its store and event reader), for seeding without HTTP.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>How the store is configured, for the figures' notes.</summary>
    public string Settings => Kind == "postgres"
        ? "PostgreSQL 15 with fsync, full_page_writes and synchronous_commit on (its defaults), default shared_buffers"
        : "SQLite in WAL mode, synchronous=NORMAL";

    public static async Task<StoreUnderTest> StartAsync(string kind)
    {
        var directory = Directory.CreateTempSubdirectory("idp-dora-bench-").FullName;
        PostgresServer? postgres = null;
        int? postmasterPid = null;
        string[] store;
        if (kind == "postgres")
        {
            postgres = await PostgresServer.StartAsync();
            await using var connection = new NpgsqlConnection(postgres.ConnectionString);
            await connection.OpenAsync();
            foreach (var sql in new[]
            {
                "ALTER SYSTEM SET fsync = on", "ALTER SYSTEM SET full_page_writes = on", "ALTER SYSTEM SET synchronous_commit = on",
                "SELECT pg_reload_conf()", "CREATE DATABASE dora_bench",
            })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
            }
            await using (var pid = new NpgsqlCommand("SELECT pg_backend_pid()", connection))
            {
                var backend = Convert.ToInt32(await pid.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                postmasterPid = postgres.IsPrivate && File.Exists($"/proc/{backend}/stat")
                    ? int.Parse(File.ReadAllText($"/proc/{backend}/stat").Split(')')[^1].Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture)
                    : null;
            }
            store = ["--postgres", postgres.ConnectionStringFor("dora_bench")];
        }
        else
        {
            store = ["--sqlite", Path.Combine(directory, "dora.db")];
        }
        var app = DoraApp.Create(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. store]);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new StoreUnderTest(kind, directory, postgres, postmasterPid, app, address);
    }

    /// <summary>Lets PostgreSQL vacuum and analyse after the load, as its autovacuum would; SQLite needs nothing.</summary>
    public async Task SettleAsync()
    {
        if (_postgres is null)
            return;
        await using var connection = new NpgsqlConnection(_postgres.ConnectionStringFor("dora_bench"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
