using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Idp.Testing.Postgres;

/// <summary>
/// A real PostgreSQL for tests. Uses the server named by <c>IDP_TEST_POSTGRES</c> (a connection string) when set;
/// otherwise initialises a private cluster with <c>initdb</c> in a temporary directory and starts <c>postgres</c> on
/// a free 127.0.0.1 port (as the <c>postgres</c> user when running as root, since PostgreSQL refuses root), and
/// stops and deletes it on dispose. Needs Debian's <c>postgresql</c> package.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string SuperUser = "postgres";
    private readonly string? _directory;
    private readonly string? _binaries;

    private PostgresServer(string connectionString, string? directory, string? binaries)
    {
        ConnectionString = connectionString;
        _directory = directory;
        _binaries = binaries;
    }

    /// <summary>A connection string for the <c>postgres</c> database as superuser (no password: trust on loopback).</summary>
    public string ConnectionString { get; }

    /// <summary>True when this fixture started the server (and so stops it).</summary>
    public bool IsPrivate => _directory is not null;

    /// <summary>A connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionStringFor(string database) => $"{ConnectionString.TrimEnd(';')};Database={database}";

    /// <summary>Starts a private cluster, or returns the configured external server.</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable("IDP_TEST_POSTGRES") is { Length: > 0 } external)
            return new PostgresServer(external, null, null);

        var binaries = FindBinaries();
        var directory = Path.Combine(Path.GetTempPath(), "idp-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        // The server runs as another user than root; it must be able to create its data and socket files here.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111);
        var data = Path.Combine(directory, "data");
        var port = LocalPorts.Free();
        var server = new PostgresServer($"Host=127.0.0.1;Port={port};Username={SuperUser};Pooling=true;Timeout=15", directory, binaries);
        try
        {
            await RunAsync(binaries, "initdb", ["-D", data, "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C.UTF-8"], cancellationToken);
            await RunAsync(binaries, "pg_ctl", ["-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60",
                "-o", $"-p {port} -h 127.0.0.1 -k {directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "start"], cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_directory is null)
            return;
        var data = Path.Combine(_directory, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            try
            {
                await RunAsync(_binaries!, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"], CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
                // Already stopped; the directory is removed below either way.
            }
        }
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process that is shutting down; the temporary directory is cleaned by the OS.
        }
    }

    private static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).ToList()
            : [];
        return candidates.FirstOrDefault() ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries (initdb) under {root}. Install Debian's 'postgresql' package " +
            "(apt-get install postgresql), or set IDP_TEST_POSTGRES to a connection string of a running server.");
    }

    private static async Task RunAsync(string binaries, string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : Path.Combine(binaries, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asRoot)
        {
            foreach (var argument in new[] { "-u", SuperUser, "--", Path.Combine(binaries, tool) })
                start.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

}
