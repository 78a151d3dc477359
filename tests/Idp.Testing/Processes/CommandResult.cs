namespace Idp.Testing.Processes;

/// <summary>How a command ended: its exit code and what it printed, stdout and stderr together.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Output)
{
    public override string ToString() => $"{Command} exited {ExitCode}:\n{Output}";
}
