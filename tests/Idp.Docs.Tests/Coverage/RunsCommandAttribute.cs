namespace Idp.Docs.Tests.Coverage;

/// <summary>
/// Says that the test it is on runs a command of the docs: the command as the page writes it (white space runs are
/// one space), and the page when the same text means something else on another page.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class RunsCommandAttribute(string command) : Attribute
{
    /// <summary>The command, as the docs write it.</summary>
    public string Command { get; } = command;

    /// <summary>The page it is on; null matches it on every page.</summary>
    public string? Page { get; init; }

    /// <summary>True when the test only checks the command's plan (<c>--plan</c>): it must also be in <see cref="MappedCommands"/>.</summary>
    public bool PlanOnly { get; init; }
}
