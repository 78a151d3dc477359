namespace Idp.Docs.Tests.Markdown;

/// <summary>A fenced block of a Markdown page: its info string (<c>bash</c>, <c>yaml</c>, …), its first content line and its text.</summary>
/// <param name="Page">The page, relative to the repository root with <c>/</c>, e.g. <c>docs/secrets.md</c>.</param>
/// <param name="Language">The fence's info string, e.g. <c>bash</c>; empty when the fence has none.</param>
/// <param name="Line">The 1-based line of the block's first content line.</param>
/// <param name="Lines">The content lines.</param>
/// <param name="Marker">The HTML comment right above the fence (<c>&lt;!-- message: … --&gt;</c>), or null.</param>
public sealed record CodeBlock(string Page, string Language, int Line, IReadOnlyList<string> Lines, string? Marker)
{
    /// <summary>The content as one text with <c>\n</c> line ends.</summary>
    public string Text => string.Join('\n', Lines) + "\n";
}
