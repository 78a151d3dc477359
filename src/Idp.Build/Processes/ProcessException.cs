namespace Idp.Build.Processes;

/// <summary>A process exited with a non-zero code or ran out of time; the message names the command and shows its last output.</summary>
public sealed class ProcessException(string message, ProcessResult? result = null) : Exception(message)
{
    /// <summary>What the process did before it failed, when it ran at all.</summary>
    public ProcessResult? Result { get; } = result;
}
