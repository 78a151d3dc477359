namespace Idp.Build;

/// <summary>How much the build prints.</summary>
public enum Verbosity
{
    /// <summary>Only warnings, errors and the summary.</summary>
    Quiet,
    /// <summary>Target headers, information, warnings and errors (the default).</summary>
    Normal,
    /// <summary>Everything, including debug messages.</summary>
    Verbose,
}
