namespace Idp.Docs.Tests.Markdown;

/// <summary>One shell command shown in the docs, with the output the page shows under it (console blocks only).</summary>
/// <param name="Page">The page, e.g. <c>docs/getting-started.md</c>.</param>
/// <param name="Line">The 1-based line where the command starts.</param>
/// <param name="Text">The command as written; continuation lines are joined with <c>\n</c>.</param>
/// <param name="ShownOutput">The lines the page shows as its output; empty when it shows none.</param>
public sealed record DocCommand(string Page, int Line, string Text, IReadOnlyList<string> ShownOutput)
{
    /// <summary>The command with runs of white space (line breaks included) as one space: what the coverage map matches.</summary>
    public string Normalized => MarkdownCommands.Normalize(Text);

    /// <inheritdoc />
    public override string ToString() => $"{Page}:{Line}: {Normalized}";
}
