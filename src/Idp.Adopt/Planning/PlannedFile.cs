namespace Idp.Adopt.Planning;

/// <summary>One file of the plan.</summary>
/// <param name="Path">Relative to the repository root, with <c>/</c>.</param>
/// <param name="Action">What happens to it.</param>
/// <param name="Reason">Why, in a few words.</param>
/// <param name="Content">What is written; null for <see cref="FileAction.Keep"/>.</param>
/// <param name="Executable">Marked executable (build.sh).</param>
public sealed record PlannedFile(string Path, FileAction Action, string Reason, string? Content = null, bool Executable = false)
{
    /// <summary>The file is written by this plan.</summary>
    public bool Writes => Action != FileAction.Keep;
}
