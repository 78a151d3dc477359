using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Idp.Build.Execution;

namespace Idp.Build.Server;

/// <summary>
/// A build process that stays up between runs on a developer's machine, so that a run after the first pays neither
/// the start of .NET nor the JIT again. build.sh starts it, finds it through the <see cref="ServerFile"/> and sends
/// each run over three loopback connections: control (the request, Ctrl+C, the exit code), standard output and
/// standard error. One run at a time; it exits after <see cref="ServerSettings.IdleTimeout"/> without a run, when
/// asked to stop, or when another server already serves the repository. docs/engine/build-server.md.
/// </summary>
internal sealed partial class BuildServer
{
    private const string Protocol = "idp-build/1";
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private readonly ServerSettings _settings;
    private readonly Func<RunEnvironment, int> _run;
    private readonly TextWriter _log;
    private readonly string _token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
    private readonly ConcurrentDictionary<string, PendingRun> _pending = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Timer _idle;
    private int _busy;

    private BuildServer(ServerSettings settings, Func<RunEnvironment, int> run, TextWriter log)
    {
        _settings = settings;
        _run = run;
        _log = log;
        _idle = new Timer(_ => StopWhenIdle(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Serves runs until stopped or idle; returns the process's exit code.</summary>
    public static int Serve(ServerSettings settings, Func<RunEnvironment, int> run, TextWriter log)
    {
        ProcessGroup.Lead();
        FileStream ownership;
        try
        {
            ownership = new FileStream(settings.ServerFile + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            log.WriteLine($"Another build server already serves {Path.GetDirectoryName(settings.ServerFile)}; this one exits.");
            return 0;
        }
        using (ownership)
            return new BuildServer(settings, run, log).ServeAsync().GetAwaiter().GetResult();
    }

    private async Task<int> ServeAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Console.CancelKeyPress += KeepServingOnInterrupt;
        ServerFile.Write(_settings.ServerFile, port, _token, _settings.Fingerprint);
        _log.WriteLine($"{DateTimeOffset.Now:u} serving on 127.0.0.1:{port} (pid {Environment.ProcessId}); exits after {_settings.IdleTimeout.TotalMinutes:0.#} min without a run.");
        ResetIdleTimer();
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(_stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                _ = Task.Run(() => ServeConnectionAsync(client));
            }
        }
        finally
        {
            ServerFile.DeleteIfOwnedBy(_settings.ServerFile, _token);
            listener.Stop();
        }
        // A run that was going when the stop came finishes first.
        while (Volatile.Read(ref _busy) == 1)
            await Task.Delay(50);
        _log.WriteLine($"{DateTimeOffset.Now:u} stopped.");
        return 0;
    }

    private async Task ServeConnectionAsync(TcpClient client)
    {
        var handedOver = false;
        try
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            var reader = new ProtocolReader(stream);
            using var timeout = new CancellationTokenSource(ConnectTimeout);
            var words = (await reader.ReadLineAsync(timeout.Token))?.Split(' ');
            if (words is not [Protocol, var verb, var value])
            {
                await ReplyAsync(stream, $"bad the first line must be '{Protocol} <verb> <value>'");
                return;
            }
            switch (verb)
            {
                case "run" when Authorised(value):
                    handedOver = true;
                    await ServeRunAsync(client, stream, reader, timeout.Token);
                    break;
                case "stop" when Authorised(value):
                    await ReplyAsync(stream, "stopping");
                    _log.WriteLine($"{DateTimeOffset.Now:u} asked to stop.");
                    await _stopping.CancelAsync();
                    break;
                case "out" or "err" when _pending.TryGetValue(value, out var pending):
                    handedOver = true;
                    pending.Attach(verb, stream, client);
                    break;
                case "run" or "stop":
                    await ReplyAsync(stream, "denied the token does not match this server's");
                    break;
                default:
                    await ReplyAsync(stream, $"bad unknown verb or run '{verb}'");
                    break;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ProtocolException or SocketException)
        {
            _log.WriteLine($"{DateTimeOffset.Now:u} a connection failed: {e.Message}");
        }
        finally
        {
            if (!handedOver)
                await DisconnectAsync(client);
        }
    }

    // Closing a socket with unread input sends a reset, which can destroy the reply before the client reads it: say
    // goodbye first, then read what is left until the client closes too.
    private static async Task DisconnectAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                client.Client.Shutdown(SocketShutdown.Send);
                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                var rest = new byte[4096];
                while (await client.GetStream().ReadAsync(rest, patience.Token) > 0)
                {
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client is gone already, or lingers: either way the connection ends here.
            }
        }
    }

    private bool Authorised(string token) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token), Encoding.ASCII.GetBytes(_token));

    private static async Task ReplyAsync(Stream stream, string line)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\n"));
        await stream.FlushAsync();
    }

    private void ResetIdleTimer() => _idle.Change(_settings.IdleTimeout, Timeout.InfiniteTimeSpan);

    private void StopWhenIdle()
    {
        if (Volatile.Read(ref _busy) == 1)
            return;
        _log.WriteLine($"{DateTimeOffset.Now:u} idle for {_settings.IdleTimeout.TotalMinutes:0.#} min; stopping.");
        _stopping.Cancel();
    }

    // SIGINT reaches the server only from ProcessGroup.Interrupt. This handler, subscribed before any run's, keeps the
    // server alive by default; a run's own handler, called after it, ends the process on the second Ctrl+C as at a
    // terminal. A signal that comes after the run has ended and removed its handler (its child died at once and the
    // run finished first) is then ignored instead of killing the server.
    private static void KeepServingOnInterrupt(object? sender, ConsoleCancelEventArgs e) => e.Cancel = true;
}
