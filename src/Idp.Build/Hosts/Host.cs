namespace Idp.Build;

/// <summary>Where the build runs: a terminal, GitLab CI or Jenkins. Each gives typed CI variables and its own log sections.</summary>
public abstract class Host
{
    private protected Host(IReadOnlyDictionary<string, string> environment) => Environment = environment;

    /// <summary>The name used with <c>--host</c> and shown in the run record.</summary>
    public abstract string Name { get; }

    /// <summary>The CI variables of this run.</summary>
    public abstract CiVariables Ci { get; }

    /// <summary>True on a CI server, false on a developer's machine.</summary>
    public virtual bool IsServerBuild => true;

    /// <summary>Whether the host renders ANSI colours.</summary>
    public virtual bool SupportsColor => true;

    private protected IReadOnlyDictionary<string, string> Environment { get; }

    private protected string? Variable(string name) =>
        Environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>Writes the start of a target's output block.</summary>
    public virtual void BeginSection(TextWriter output, string name, string title, bool color)
    {
        output.WriteLine();
        output.WriteLine(color ? $"\u001b[1;36m▶ {title}\u001b[0m" : $"▶ {title}");
    }

    /// <summary>Writes the end of a target's output block.</summary>
    public virtual void EndSection(TextWriter output, string name)
    {
    }
}
