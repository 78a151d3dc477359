using System.Text.RegularExpressions;

namespace Idp.Docs.Tests.Markdown;

/// <summary>The handbook's pages (README.md and docs/**/*.md) and their fenced code blocks.</summary>
public static partial class MarkdownPages
{
    /// <summary>Every page the doc tests read, relative to the repository root, in a stable order.</summary>
    public static IReadOnlyList<string> All()
    {
        var docs = Directory.GetFiles(RepositoryRoot.Path / "docs", "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        return ["README.md", .. docs];
    }

    /// <summary>The fenced blocks of <paramref name="page"/>.</summary>
    public static IReadOnlyList<CodeBlock> Blocks(string page)
    {
        var lines = File.ReadAllLines(RepositoryRoot.Path / page);
        var blocks = new List<CodeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
                continue;
            var marker = PreviousMarker(lines, i);
            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end].Trim() != open.Groups["fence"].Value)
                end++;
            blocks.Add(new CodeBlock(page, open.Groups["info"].Value.Trim(), start + 1, lines[start..Math.Min(end, lines.Length)], marker));
            i = end;
        }
        return blocks;
    }

    /// <summary>The blocks of every page.</summary>
    public static IEnumerable<CodeBlock> AllBlocks() => All().SelectMany(Blocks);

    private static string? PreviousMarker(string[] lines, int fence)
    {
        var previous = fence - 1;
        while (previous >= 0 && lines[previous].Trim().Length == 0)
            previous--;
        return previous >= 0 && Comment().Match(lines[previous]) is { Success: true } comment ? comment.Groups["text"].Value.Trim() : null;
    }

    [GeneratedRegex(@"^\s*(?<fence>```+)(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!--(?<text>.*)-->\s*$")]
    private static partial Regex Comment();
}
