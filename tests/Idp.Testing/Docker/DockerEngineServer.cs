using System.Diagnostics;
using System.Net.Sockets;

namespace Idp.Testing.Docker;

/// <summary>
/// A Docker engine for tests: the one at DOCKER_HOST or the default socket when it answers, else a real
/// <c>dockerd</c> (Debian <c>docker.io</c>) on a private socket and data root under /tmp, stopped on dispose.
/// Containers run with <c>--network host</c>: the private engine has no bridge and leaves iptables alone.
/// </summary>
public sealed class DockerEngineServer : IAsyncDisposable
{
    private const string Dockerd = "/usr/sbin/dockerd";
    private readonly Process? _process;
    private readonly string? _directory;

    private DockerEngineServer(Uri endpoint, Process? process, string? directory)
    {
        Endpoint = endpoint;
        _process = process;
        _directory = directory;
    }

    /// <summary>The engine's address, e.g. <c>unix:///tmp/idp-docker-1a2b3c/docker.sock</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>True when this fixture started the engine (and will stop it).</summary>
    public bool Started => _process is not null;

    /// <summary>Reuses a reachable engine or starts one; waits until it answers <c>/_ping</c>.</summary>
    public static async Task<DockerEngineServer> StartAsync(CancellationToken cancellationToken = default)
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("DOCKER_HOST"), "unix:///var/run/docker.sock" })
        {
            if (candidate is { Length: > 0 } && await PingAsync(new Uri(candidate), cancellationToken))
                return new DockerEngineServer(new Uri(candidate), null, null);
        }
        if (!File.Exists(Dockerd))
            throw new InvalidOperationException($"No Docker engine answers and {Dockerd} is missing. Install Debian's 'docker.io' package (apt-get install docker.io).");

        // Short path: a unix socket path must stay under 108 bytes.
        var directory = Path.Combine("/tmp", "idp-docker-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var socket = Path.Combine(directory, "docker.sock");
        var process = DaemonProcess.Start(Dockerd, Path.Combine(directory, "dockerd.log"),
            "--host", "unix://" + socket,
            "--data-root", Path.Combine(directory, "data"),
            "--exec-root", Path.Combine(directory, "exec"),
            "--pidfile", Path.Combine(directory, "dockerd.pid"),
            "--bridge", "none",
            "--iptables=false",
            "--ip6tables=false");
        var server = new DockerEngineServer(new Uri("unix://" + socket), process, directory);
        for (var attempt = 0; attempt < 240 && !process.HasExited; attempt++)
        {
            if (await PingAsync(server.Endpoint, cancellationToken))
                return server;
            await Task.Delay(250, cancellationToken);
        }
        var log = DaemonProcess.Tail(Path.Combine(directory, "dockerd.log"));
        await server.DisposeAsync();
        throw new InvalidOperationException($"dockerd did not answer on {socket} within 60 s. Its log ends:\n{log}");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is null)
            return;
        // TERM lets dockerd stop its containers and containerd and unmount its layers; KILL only if it hangs.
        await DaemonProcess.StopAsync(_process, TimeSpan.FromSeconds(30));
        // dockerd leaves its network namespace (exec/netns/default) mounted after it exits.
        foreach (var mount in File.ReadLines("/proc/self/mounts").Select(l => l.Split(' ')[1]).Where(m => m.StartsWith(_directory!, StringComparison.Ordinal)).Reverse())
        {
            using var umount = Process.Start("umount", ["-l", mount]);
            await umount.WaitForExitAsync();
        }
        try
        {
            Directory.Delete(_directory!, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A layer still mounted cannot be removed; it lives under /tmp and goes with the machine.
        }
    }

    private static async Task<bool> PingAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        if (endpoint.Scheme != "unix")
            return false;
        if (!File.Exists(endpoint.LocalPath))
            return false;
        using var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(endpoint.LocalPath), token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        })
        { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            return (await http.GetAsync(new Uri("http://docker/_ping"), cancellationToken)).IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException)
        {
            return false;
        }
    }
}
