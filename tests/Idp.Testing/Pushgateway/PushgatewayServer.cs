using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Idp.Testing.Pushgateway;

/// <summary>
/// A real Prometheus Pushgateway (Debian's <c>prometheus-pushgateway</c>) on a free 127.0.0.1 port, without
/// persistence, stopped on dispose.
/// </summary>
public sealed class PushgatewayServer : IAsyncDisposable
{
    private readonly Process _process;

    private PushgatewayServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>The gateway's base address, e.g. <c>http://127.0.0.1:39211/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts the gateway and waits until <c>/-/ready</c> answers.</summary>
    public static async Task<PushgatewayServer> StartAsync(CancellationToken cancellationToken = default)
    {
        const string binary = "/usr/bin/prometheus-pushgateway";
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException(
                $"{binary} is missing. Install Debian's 'prometheus-pushgateway' package (apt-get install prometheus-pushgateway).");
        }
        var port = LocalPorts.Free();
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {binary}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PushgatewayServer(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
                break;
            try
            {
                if ((await http.GetAsync(new Uri(server.Address, "-/ready"), cancellationToken)).IsSuccessStatusCode)
                    return server;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100, cancellationToken);
        }
        await server.DisposeAsync();
        throw new InvalidOperationException($"prometheus-pushgateway did not become ready on 127.0.0.1:{port} within 10 s.");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

}
