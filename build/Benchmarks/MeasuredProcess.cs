using System.Collections;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>
/// Runs a command and measures its wall time, CPU time and peak memory. The child is started with posix_spawn
/// and reaped with wait4, which returns that one child's resource usage: ru_maxrss is exactly its peak resident
/// set size (KiB on Linux). getrusage(RUSAGE_CHILDREN) would instead keep the largest child of the whole run, and
/// System.Diagnostics.Process reaps its children itself and drops their usage, so neither can be used here.
/// </summary>
static class MeasuredProcess
{
    private const int Interrupted = 4; // EINTR

    // sh changes directory and redirects the output, then execs the command: the pid that wait4 reports on is the
    // command itself (the kernel keeps sh's own, far smaller, peak in ru_maxrss across the exec).
    private const string Launcher = "cd \"$1\" && out=$2 && shift 2 && exec \"$@\" >\"$out\" 2>&1";

    public static ProcessMeasurement Run(string workingDirectory, string fileName, params string[] arguments) =>
        Run(workingDirectory, new Dictionary<string, string>(), fileName, arguments);

    /// <summary>Runs <paramref name="fileName"/> with this process's environment, changed by <paramref name="environment"/>.</summary>
    public static ProcessMeasurement Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, string fileName, params string[] arguments)
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("The benchmark measures child processes with posix_spawn and wait4 as Linux defines them; run it on Linux.");

        var outputFile = Path.GetTempFileName();
        try
        {
            string?[] argv = ["/bin/sh", "-c", Launcher, "sh", workingDirectory, outputFile, fileName, .. arguments, null];
            var clock = Stopwatch.StartNew();
            var spawnError = posix_spawn(out var pid, "/bin/sh", IntPtr.Zero, IntPtr.Zero, argv, CurrentEnvironment(environment));
            if (spawnError != 0)
                throw new InvalidOperationException($"posix_spawn of /bin/sh for '{fileName}' failed with errno {spawnError}.");

            int status;
            Usage usage;
            while (wait4(pid, out status, 0, out usage) < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno != Interrupted)
                {
                    throw new InvalidOperationException(
                        $"wait4({pid}) for '{fileName}' failed with errno {errno}. If it is ECHILD (10), something else reaped the child: " +
                        "the runtime does so when this process was started with SIGCHLD ignored; start the build from a normal shell.");
                }
            }
            clock.Stop();

            var exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
            var cpu = TimeSpan.FromSeconds(usage.UserSeconds + usage.SystemSeconds + (usage.UserMicroseconds + usage.SystemMicroseconds) / 1e6);
            return new ProcessMeasurement(clock.Elapsed, cpu, usage.MaxRssKibibytes * 1024, exitCode, File.ReadAllText(outputFile));
        }
        finally
        {
            File.Delete(outputFile);
        }
    }

    private static string?[] CurrentEnvironment(IReadOnlyDictionary<string, string> changes) =>
    [
        .. Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Where(e => !changes.ContainsKey((string)e.Key)).Select(e => $"{e.Key}={e.Value}"),
        .. changes.Select(c => $"{c.Key}={c.Value}"),
        null,
    ];

    [DllImport("libc", SetLastError = true)]
    private static extern int posix_spawn(out int pid, string path, IntPtr fileActions, IntPtr attributes, string?[] argv, string?[] envp);

    [DllImport("libc", SetLastError = true)]
    private static extern int wait4(int pid, out int status, int options, out Usage usage);

    // struct rusage on 64-bit Linux: two timevals, then fourteen longs, of which only ru_maxrss is read.
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct Usage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRssKibibytes;
    }
}
