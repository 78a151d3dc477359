namespace Idp.Build.Processes;

/// <summary>One line a process wrote, and whether it went to standard error.</summary>
public sealed record OutputLine(string Text, bool IsError);

/// <summary>A finished process: exit code, output lines in arrival order, and how long it took.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, IReadOnlyList<OutputLine> Output, TimeSpan Duration)
{
    /// <summary>Standard output as text.</summary>
    public string StandardOutput => string.Join('\n', Output.Where(l => !l.IsError).Select(l => l.Text));

    /// <summary>Standard error as text.</summary>
    public string StandardError => string.Join('\n', Output.Where(l => l.IsError).Select(l => l.Text));
}
