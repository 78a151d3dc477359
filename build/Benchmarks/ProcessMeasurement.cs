namespace Idp.Build.Repository.Benchmarks;

/// <summary>One finished child process as <see cref="MeasuredProcess"/> saw it.</summary>
/// <param name="Wall">From spawning the child to reaping it.</param>
/// <param name="Cpu">User plus system CPU time of the child (and of any children it waited for).</param>
/// <param name="PeakRssBytes">ru_maxrss from wait4: the child's peak resident set size.</param>
/// <param name="ExitCode">The exit code, or 128 + the signal number when a signal ended it.</param>
/// <param name="Output">Standard output and standard error, interleaved as written.</param>
sealed record ProcessMeasurement(TimeSpan Wall, TimeSpan Cpu, long PeakRssBytes, int ExitCode, string Output)
{
    public ProcessMeasurement ThrowIfFailed(string command) =>
        ExitCode == 0
            ? this
            : throw new InvalidOperationException($"'{command}' exited with code {ExitCode} while being measured, so its figures mean nothing. Its output:\n{Output}");

    public static Samples WallSeconds(IEnumerable<ProcessMeasurement> runs) => new(runs.Select(m => m.Wall.TotalSeconds));

    public static Samples CpuSeconds(IEnumerable<ProcessMeasurement> runs) => new(runs.Select(m => m.Cpu.TotalSeconds));

    public static Samples PeakMebibytes(IEnumerable<ProcessMeasurement> runs) => new(runs.Select(m => m.PeakRssBytes / (1024.0 * 1024)));
}
