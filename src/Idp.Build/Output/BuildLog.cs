namespace Idp.Build;

/// <summary>
/// The build's log. Messages go through the secret masker like everything else the build prints; warnings and
/// errors are also collected and repeated at the end of the build, with the target they came from.
/// </summary>
public sealed class BuildLog
{
    private readonly Func<TextWriter> _out;
    private readonly Lock _gate = new();
    private readonly List<(string Level, string? Target, string Message)> _problems = [];

    internal BuildLog(Func<TextWriter> output, Verbosity verbosity, bool useColor)
    {
        _out = output;
        Verbosity = verbosity;
        UseColor = useColor;
    }

    /// <summary>The verbosity chosen with <c>--verbosity</c>.</summary>
    public Verbosity Verbosity { get; }

    internal bool UseColor { get; }

    internal Func<string?> CurrentTarget { get; set; } = () => null;

    internal IReadOnlyList<(string Level, string? Target, string Message)> Problems
    {
        get
        {
            lock (_gate)
                return _problems.ToArray();
        }
    }

    /// <summary>Detail for troubleshooting, shown with <c>--verbosity verbose</c>.</summary>
    public void Debug(string message)
    {
        if (Verbosity == Verbosity.Verbose)
            Write(Paint(message, "2"));
    }

    /// <summary>Progress and results.</summary>
    public void Information(string message)
    {
        if (Verbosity != Verbosity.Quiet)
            Write(message);
    }

    /// <summary>Something the reader should look at; repeated at the end of the build.</summary>
    public void Warning(string message)
    {
        Remember("warning", message);
        Write(Paint("warning: " + message, "33"));
    }

    /// <summary>Something that failed; repeated at the end of the build.</summary>
    public void Error(string message)
    {
        Remember("error", message);
        Write(Paint("error: " + message, "31"));
    }

    internal void Write(string text) => _out().WriteLine(text);

    internal string Paint(string text, string ansiCode) => UseColor ? $"\u001b[{ansiCode}m{text}\u001b[0m" : text;

    private void Remember(string level, string message)
    {
        lock (_gate)
            _problems.Add((level, CurrentTarget(), message));
    }
}
