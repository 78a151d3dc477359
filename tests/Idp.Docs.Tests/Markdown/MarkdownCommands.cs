using System.Text;
using System.Text.RegularExpressions;

namespace Idp.Docs.Tests.Markdown;

/// <summary>
/// Reads the shell commands of the docs: every fenced block tagged <c>bash</c>, <c>sh</c>, <c>shell</c> or
/// <c>console</c>. In a <c>console</c> block a command starts with <c>$ </c> and the lines up to the next prompt are
/// its output; in the others every line is a command. A line ending in <c>\</c>, an open quote or a here-document
/// continues the command. Comment lines and trailing comments are not part of it, and a bare <c>cd</c> is not a
/// command of its own: it only says where the next one runs.
/// </summary>
public static partial class MarkdownCommands
{
    /// <summary>The info strings of fenced blocks that hold commands.</summary>
    public static readonly IReadOnlySet<string> ShellLanguages = new HashSet<string>(["bash", "sh", "shell", "console"], StringComparer.Ordinal);

    /// <summary>Every command of every page.</summary>
    public static IReadOnlyList<DocCommand> All() => MarkdownPages.AllBlocks().SelectMany(Read).ToList();

    /// <summary>The commands of one page.</summary>
    public static IReadOnlyList<DocCommand> Of(string page) => MarkdownPages.Blocks(page).SelectMany(Read).ToList();

    /// <summary>The command <paramref name="command"/> of <paramref name="page"/>; fails the test when the page does not show it.</summary>
    public static DocCommand Find(string page, string command) =>
        Of(page).FirstOrDefault(c => c.Normalized == Normalize(command))
        ?? throw new Xunit.Sdk.XunitException($"{page} no longer shows the command '{command}'. Update the test with the page.");

    /// <summary>The commands of one block; none when it is not a shell block.</summary>
    public static IEnumerable<DocCommand> Read(CodeBlock block)
    {
        if (!ShellLanguages.Contains(block.Language))
            yield break;
        var console = block.Language == "console";
        var lines = block.Lines;
        var i = 0;
        while (i < lines.Count)
        {
            var line = lines[i];
            if (console && !line.StartsWith("$ ", StringComparison.Ordinal))
            {
                i++;
                continue;
            }
            var first = console ? line[2..] : line;
            if (first.Trim().Length == 0 || first.TrimStart().StartsWith('#'))
            {
                i++;
                continue;
            }
            var start = i;
            var text = new StringBuilder(first);
            var state = new ShellState();
            state.Feed(first);
            i++;
            while (i < lines.Count && state.Continues)
            {
                text.Append('\n').Append(lines[i]);
                state.Feed(lines[i]);
                i++;
            }
            var output = new List<string>();
            while (console && i < lines.Count && !lines[i].StartsWith("$ ", StringComparison.Ordinal))
            {
                if (lines[i].Trim().Length > 0)
                    output.Add(lines[i]);
                i++;
            }
            var command = WithoutTrailingComment(text.ToString());
            if (!IsOnlyCd(command))
                yield return new DocCommand(block.Page, block.Line + start, command, output);
        }
    }

    /// <summary>Line continuations (<c>\</c> at a line end) and white space runs as one space, trimmed.</summary>
    public static string Normalize(string command) => Spaces().Replace(command.Replace("\\\n", " ", StringComparison.Ordinal), " ").Trim();

    private static bool IsOnlyCd(string command) => CdOnly().IsMatch(command.Trim());

    private static string WithoutTrailingComment(string command)
    {
        var lines = command.Split('\n');
        var last = lines[^1];
        var inSingle = false;
        var inDouble = false;
        for (var k = 0; k < last.Length; k++)
        {
            var c = last[k];
            if (c == '\'' && !inDouble)
                inSingle = !inSingle;
            else if (c == '"' && !inSingle)
                inDouble = !inDouble;
            else if (c == '#' && !inSingle && !inDouble && k > 0 && char.IsWhiteSpace(last[k - 1]) && lines.Length == 1)
                return last[..k].TrimEnd();
        }
        return command.TrimEnd();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^cd\s+\S+$")]
    private static partial Regex CdOnly();

    /// <summary>Whether a command goes on: an open quote, a trailing backslash or an unfinished here-document.</summary>
    private sealed partial class ShellState
    {
        private bool _inSingle;
        private bool _inDouble;
        private bool _backslash;
        private string? _hereDocEnd;

        public bool Continues => _inSingle || _inDouble || _backslash || _hereDocEnd is not null;

        public void Feed(string line)
        {
            if (_hereDocEnd is not null)
            {
                if (line.Trim() == _hereDocEnd)
                    _hereDocEnd = null;
                return;
            }
            for (var k = 0; k < line.Length; k++)
            {
                var c = line[k];
                if (c == '\\' && !_inSingle && k + 1 < line.Length)
                    k++;
                else if (c == '\'' && !_inDouble)
                    _inSingle = !_inSingle;
                else if (c == '"' && !_inSingle)
                    _inDouble = !_inDouble;
            }
            _backslash = !_inSingle && line.EndsWith('\\');
            if (!_inSingle && !_inDouble && HereDoc().Match(line) is { Success: true } here)
                _hereDocEnd = here.Groups["end"].Value;
        }

        [GeneratedRegex(@"<<-?\s*['""]?(?<end>\w+)['""]?")]
        private static partial Regex HereDoc();
    }
}
