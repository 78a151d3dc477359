using System.Globalization;

namespace Idp.Dora.Benchmarks;

/// <summary>
/// CPU time spent by this process and, for PostgreSQL, by its server processes (read from /proc). With other work on
/// the machine, events per CPU-second show what the ingest costs, apart from how much of the CPUs it was given.
/// </summary>
public sealed class CpuClock(int? postmasterPid)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on

    /// <summary>CPU seconds used so far, or null off Linux.</summary>
    public double? Seconds()
    {
        if (!File.Exists("/proc/self/stat"))
            return null;
        var total = Read("self", withChildren: false);
        if (postmasterPid is { } postmaster)
        {
            // Exited backends are counted in the postmaster's children's time, live ones in their own.
            total += Read(postmaster.ToString(CultureInfo.InvariantCulture), withChildren: true);
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                var pid = Path.GetFileName(directory);
                if (pid.All(char.IsAsciiDigit) && ParentOf(pid) == postmaster)
                    total += Read(pid, withChildren: false);
            }
        }
        return total / TicksPerSecond;
    }

    private static string[]? Fields(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces; the fields after it start behind its closing parenthesis.
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static int? ParentOf(string pid) => Fields(pid) is { } f ? int.Parse(f[1], CultureInfo.InvariantCulture) : null;

    private static double Read(string pid, bool withChildren)
    {
        if (Fields(pid) is not { } f)
            return 0;
        // utime, stime, cutime, cstime are fields 14 to 17 of /proc/<pid>/stat, so 11 to 14 here.
        var own = double.Parse(f[11], CultureInfo.InvariantCulture) + double.Parse(f[12], CultureInfo.InvariantCulture);
        return withChildren ? own + double.Parse(f[13], CultureInfo.InvariantCulture) + double.Parse(f[14], CultureInfo.InvariantCulture) : own;
    }
}
