using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Idp.Build.Execution;

namespace Idp.Build.Server;

internal sealed partial class BuildServer
{
    private async Task ServeRunAsync(TcpClient control, NetworkStream stream, ProtocolReader reader, CancellationToken timeout)
    {
        try
        {
            RunRequest request;
            try
            {
                request = await RunRequest.ReadAsync(reader, timeout);
            }
            catch (ProtocolException e)
            {
                await ReplyAsync(stream, $"bad {e.Message}");
                return;
            }
            if (Interlocked.CompareExchange(ref _busy, 1, 0) == 1)
            {
                await ReplyAsync(stream, "busy");
                return;
            }
            try
            {
                _idle.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                using var pending = new PendingRun();
                _pending[id] = pending;
                try
                {
                    await ReplyAsync(stream, $"ok {id}");
                    var (output, error) = await pending.ConnectedAsync(timeout);
                    var exitCode = await RunAsync(request, reader, output, error);
                    await ReplyAsync(stream, $"exit {exitCode}");
                }
                finally
                {
                    _pending.TryRemove(id, out _);
                }
            }
            finally
            {
                Volatile.Write(ref _busy, 0);
                ResetIdleTimer();
            }
        }
        finally
        {
            await DisconnectAsync(control);
        }
    }

    private async Task<int> RunAsync(RunRequest request, ProtocolReader control, Stream output, Stream error)
    {
        var clock = Stopwatch.StartNew();
        using var finished = new CancellationTokenSource();
        var interrupts = ForwardInterruptsAsync(control, finished.Token);
        int exitCode;
        try
        {
            exitCode = await Task.Factory.StartNew(() => Execute(request, output, error), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            await finished.CancelAsync();
            await interrupts;
            await output.DisposeAsync();
            await error.DisposeAsync();
        }
        _log.WriteLine($"{DateTimeOffset.Now:u} run in {request.WorkingDirectory}: exit {exitCode} after {clock.Elapsed.TotalSeconds:0.00} s.");
        // What the run left behind is garbage now; collect it while the developer reads the summary, not during the next run.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return exitCode;
    }

    private int Execute(RunRequest request, Stream output, Stream error)
    {
        var encoding = new UTF8Encoding(false);
        using var stdout = new StreamWriter(new ClientStream(output), encoding, leaveOpen: true) { AutoFlush = true };
        using var stderr = new StreamWriter(new ClientStream(error), encoding, leaveOpen: true) { AutoFlush = true };
        AdoptedProcess adopted;
        try
        {
            adopted = AdoptedProcess.Adopt(request);
        }
        catch (DirectoryNotFoundException)
        {
            stderr.WriteLine($"error: the working directory {request.WorkingDirectory} does not exist.");
            return BuildRunner.InvalidInvocation;
        }
        using (adopted)
        {
            try
            {
                return _run(new RunEnvironment(request.Arguments, request.Variables, request.WorkingDirectory, AppContext.BaseDirectory, stdout, stderr, OwnsConsole: true, request.OutputIsTerminal));
            }
            catch (Exception e)
            {
                // A build that throws past the engine would have ended its own process; the server may be left in any
                // state, so it stops after answering, and the next ./build.sh starts a fresh one.
                stderr.WriteLine($"Unhandled exception. {e}");
                stderr.WriteLine("The build server stops after this; the next ./build.sh starts a new one.");
                _stopping.Cancel();
                return BuildRunner.TargetFailed;
            }
        }
    }

    // "cancel" is Ctrl+C at the client; a closed control connection means the client is gone, which ends the run
    // the same way.
    private static async Task ForwardInterruptsAsync(ProtocolReader control, CancellationToken finished)
    {
        try
        {
            while (await control.ReadLineAsync(finished) is { } line)
            {
                if (line == "cancel")
                    ProcessGroup.Interrupt();
            }
            ProcessGroup.Interrupt();
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ProtocolException)
        {
            // The run finished first, or the connection broke (or carried nonsense): nothing more to forward.
        }
    }

    /// <summary>A run that waits for its output and error connections.</summary>
    private sealed class PendingRun : IDisposable
    {
        private readonly TaskCompletionSource<Stream> _output = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<Stream> _error = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<TcpClient> _clients = [];

        public void Attach(string channel, Stream stream, TcpClient client)
        {
            lock (_clients)
                _clients.Add(client);
            if (!(channel == "out" ? _output : _error).TrySetResult(stream))
                client.Dispose();
        }

        public async Task<(Stream Output, Stream Error)> ConnectedAsync(CancellationToken timeout)
        {
            await Task.WhenAll(_output.Task, _error.Task).WaitAsync(timeout);
            return (_output.Task.Result, _error.Task.Result);
        }

        public void Dispose()
        {
            lock (_clients)
            {
                foreach (var client in _clients)
                    client.Dispose();
            }
        }
    }
}
