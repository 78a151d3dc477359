namespace Idp.Build.Execution;

/// <summary>
/// Ctrl+C during one run, from its first moment to its last: the first press stops new targets from starting, the
/// second ends the process at once. A press that comes before the plan is ready is kept, and no target starts. On the
/// build server this matters: there the server's own handler would swallow a press that found no run's handler.
/// </summary>
internal sealed class CtrlC : IDisposable
{
    private const string Warning = "Cancelled (Ctrl+C): no new target starts; targets marked AssuredAfterFailure still run. Press Ctrl+C again to stop at once.";

    private readonly Lock _gate = new();
    private int _presses;
    private (BuildExecutor Executor, BuildLog Log)? _run;

    private CtrlC() => Console.CancelKeyPress += OnPress;

    /// <summary>Watches for Ctrl+C when the run owns the console; null when it does not (a test's in-process run).</summary>
    public static CtrlC? Watch(bool ownsConsole) => ownsConsole ? new CtrlC() : null;

    /// <summary>From now on a press cancels <paramref name="executor"/>; a press that came before cancels it now.</summary>
    public void Cancels(BuildExecutor executor, BuildLog log)
    {
        lock (_gate)
        {
            _run = (executor, log);
            if (Volatile.Read(ref _presses) > 0)
                Cancel(executor, log);
        }
    }

    public void Dispose() => Console.CancelKeyPress -= OnPress;

    private void OnPress(object? sender, ConsoleCancelEventArgs e)
    {
        // The second press ends the process at once; said explicitly, as the build server's handler says otherwise.
        if (Interlocked.Increment(ref _presses) > 1)
        {
            e.Cancel = false;
            return;
        }
        e.Cancel = true;
        lock (_gate)
        {
            if (_run is var (executor, log))
                Cancel(executor, log);
        }
    }

    private static void Cancel(BuildExecutor executor, BuildLog log)
    {
        log.Warning(Warning);
        executor.Cancel();
    }
}
