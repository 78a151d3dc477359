using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Idp.Testing.Docker;

/// <summary>
/// A real <c>docker-registry</c> (Debian) on a free 127.0.0.1 port with htpasswd Basic auth (bcrypt, made with
/// <c>htpasswd</c> from Debian's <c>apache2-utils</c>), storage in a temporary folder, stopped on dispose. Its access
/// log tells which blobs a push uploaded.
/// </summary>
public sealed partial class RegistryServer : IAsyncDisposable
{
    private const string Binary = "/usr/bin/docker-registry";
    private readonly Process _process;
    private readonly string _directory;

    private RegistryServer(Process process, string directory, int port, string username, string password)
    {
        _process = process;
        _directory = directory;
        Address = $"127.0.0.1:{port}";
        Username = username;
        Password = password;
    }

    /// <summary>host:port, as it appears in image names.</summary>
    public string Address { get; }

    /// <summary>The one user htpasswd knows.</summary>
    public string Username { get; }

    /// <summary>That user's password.</summary>
    public string Password { get; }

    /// <summary>The registry's log: its own lines and one access-log line per request.</summary>
    public string LogFile => Path.Combine(_directory, "registry.log");

    /// <summary>Starts the registry and waits until <c>/v2/</c> answers (401 without credentials).</summary>
    public static async Task<RegistryServer> StartAsync(CancellationToken cancellationToken = default)
    {
        foreach (var program in new[] { Binary, "/usr/bin/htpasswd" })
        {
            if (!File.Exists(program))
                throw new InvalidOperationException($"{program} is missing. Install Debian's 'docker-registry' and 'apache2-utils' packages.");
        }
        var directory = Path.Combine(Path.GetTempPath(), "idp-registry-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var (username, password) = ("pusher", "s3cret-" + Guid.NewGuid().ToString("N")[..12]);
        var htpasswd = Process.Start(new ProcessStartInfo("/usr/bin/htpasswd", ["-Bbn", username, password]) { RedirectStandardOutput = true })!;
        var line = (await htpasswd.StandardOutput.ReadToEndAsync(cancellationToken)).Trim();
        await htpasswd.WaitForExitAsync(cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "htpasswd"), line + "\n", cancellationToken);

        var port = LocalPorts.Free();
        var config = Path.Combine(directory, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: info
            storage:
              filesystem:
                rootdirectory: {Path.Combine(directory, "data")}
            http:
              addr: 127.0.0.1:{port}
            auth:
              htpasswd:
                realm: idp-test-registry
                path: {Path.Combine(directory, "htpasswd")}

            """, cancellationToken);
        var process = DaemonProcess.Start(Binary, Path.Combine(directory, "registry.log"), "serve", config);
        var server = new RegistryServer(process, directory, port, username, password);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 100 && !process.HasExited; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://{server.Address}/v2/"), cancellationToken);
                if (response.Headers.Contains("Docker-Distribution-API-Version"))
                    return server;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100, cancellationToken);
        }
        var log = DaemonProcess.Tail(server.LogFile);
        await server.DisposeAsync();
        throw new InvalidOperationException($"docker-registry did not answer on {server.Address} within 10 s. Its log ends:\n{log}");
    }

    /// <summary>The number of lines in the log now: pass it to <see cref="UploadedBlobs"/> to see what happened after.</summary>
    public int LogPosition => File.Exists(LogFile) ? File.ReadLines(LogFile).Count() : 0;

    /// <summary>The digests of the blobs whose upload completed (<c>PUT …/blobs/uploads/…?digest=</c> → 201) after line <paramref name="fromLine"/>.</summary>
    public IReadOnlyList<string> UploadedBlobs(int fromLine = 0) =>
        File.ReadLines(LogFile).Skip(fromLine)
            .Select(l => CompletedUpload().Match(l))
            .Where(m => m.Success)
            .Select(m => "sha256:" + m.Groups["hex"].Value)
            .ToList();

    /// <summary>Kills the registry at once, as a crash or a pulled cable would; its log and storage stay until dispose.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>True once the registry's log shows that an upload of a blob has started.</summary>
    public bool UploadStarted => File.Exists(LogFile) && File.ReadLines(LogFile).Any(l => StartedUpload().IsMatch(l));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DaemonProcess.StopAsync(_process, TimeSpan.FromSeconds(10));
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; nothing holds it once the registry is gone.
        }
    }

    [GeneratedRegex("\"POST /v2/\\S+/blobs/uploads/\\S* HTTP/[\\d.]+\" 202")]
    private static partial Regex StartedUpload();

    [GeneratedRegex("\"PUT /v2/\\S+/blobs/uploads/\\S*digest=sha256%3A(?<hex>[0-9a-f]{64})\\S* HTTP/[\\d.]+\" 201")]
    private static partial Regex CompletedUpload();
}
