namespace Idp.Build.Processes;

/// <summary>How to run a process.</summary>
public sealed record ProcessOptions
{
    /// <summary>The working directory; default: the current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables added to (or, with a null value, removed from) the inherited environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Kill the process (and its children) after this long; default: no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Write the process's output to the build output as it arrives (masked like all output).</summary>
    public bool LogOutput { get; init; } = true;

    /// <summary>Write the command line before running it.</summary>
    public bool LogInvocation { get; init; } = true;

    /// <summary>Return a non-zero exit code instead of throwing <see cref="ProcessException"/>.</summary>
    public bool AllowNonZeroExitCode { get; init; }

    /// <summary>Text written to the process's standard input, then closed.</summary>
    public string? StandardInput { get; init; }
}
