using System.Runtime.InteropServices;

namespace Idp.Build.Server;

/// <summary>
/// The build server leads a process group of its own, holding the processes its builds start. Ctrl+C at the client is
/// passed on as SIGINT to that group: the build and its child processes get it just as they would from a terminal.
/// </summary>
internal static class ProcessGroup
{
    private const int SigInt = 2;

    /// <summary>Leaves the group (and terminal) of build.sh, so that its Ctrl+C does not reach the server directly.</summary>
    public static void Lead()
    {
        if (!OperatingSystem.IsWindows())
            _ = SetSid();
    }

    public static void Interrupt()
    {
        if (!OperatingSystem.IsWindows())
            _ = Kill(0, SigInt);
    }

    // DllImport rather than LibraryImport: these signatures need no marshalling, and LibraryImport would need unsafe code.
    [DllImport("libc", EntryPoint = "setsid")]
    private static extern int SetSid();

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
