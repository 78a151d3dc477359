using System.Text;
using System.Text.RegularExpressions;

namespace Idp.Docs.Tests.Examples;

/// <summary>
/// The messages a C# source file can produce, as patterns: each string literal, with its concatenated parts joined
/// and each interpolation hole (<c>{…}</c>) matching anything. A quoted message matches when it is a sequence of
/// such literals, so a page may quote a message whose parts come from several literals.
/// </summary>
public sealed partial class SourceMessages
{
    // Literals with fewer fixed characters than this are too vague to prove anything (e.g. "{a}: {b}").
    private const int ShortestLiteral = 12;

    private readonly IReadOnlyList<Regex> _literals;

    private SourceMessages(IReadOnlyList<Regex> literals) => _literals = literals;

    /// <summary>The messages of the file at <paramref name="path"/>.</summary>
    public static SourceMessages Of(string path)
    {
        var source = Concatenation().Replace(File.ReadAllText(path), "");
        var literals = new List<Regex>();
        foreach (Match literal in StringLiteral().Matches(source))
        {
            var interpolated = literal.Groups["dollar"].Success;
            foreach (var line in literal.Groups["body"].Value.Split(@"\n"))
            {
                var (pattern, fixedCharacters) = Pattern(line, interpolated);
                if (fixedCharacters >= ShortestLiteral)
                    literals.Add(new Regex(@"\G" + pattern, RegexOptions.Singleline));
            }
        }
        return new SourceMessages(literals);
    }

    /// <summary>Whether <paramref name="message"/> is made of this file's literals, one after the other, from start to end.</summary>
    public bool CanProduce(string message)
    {
        var reachable = new bool[message.Length + 1];
        reachable[0] = true;
        for (var position = 0; position < message.Length; position++)
        {
            if (!reachable[position])
                continue;
            foreach (var literal in _literals)
            {
                // Holes are tried greedy and lazy: one of the two ends where the next literal can start.
                foreach (var regex in new[] { literal, Lazy(literal) })
                {
                    if (regex.Match(message, position) is { Success: true, Length: > 0 } match)
                        reachable[position + match.Length] = true;
                }
            }
        }
        return reachable[message.Length];
    }

    private readonly Dictionary<Regex, Regex> _lazy = [];

    private Regex Lazy(Regex greedy)
    {
        if (!_lazy.TryGetValue(greedy, out var lazy))
            _lazy[greedy] = lazy = new Regex(greedy.ToString().Replace("(?:.*)", "(?:.*?)", StringComparison.Ordinal), RegexOptions.Singleline);
        return lazy;
    }

    private static (string Pattern, int FixedCharacters) Pattern(string body, bool interpolated)
    {
        var pattern = new StringBuilder();
        var fixedCharacters = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (interpolated && c == '{' && i + 1 < body.Length && body[i + 1] == '{')
                (c, i) = ('{', i + 1);
            else if (interpolated && c == '}' && i + 1 < body.Length && body[i + 1] == '}')
                (c, i) = ('}', i + 1);
            else if (interpolated && c == '{')
            {
                i = HoleEnd(body, i);
                pattern.Append("(?:.*)");
                continue;
            }
            else if (c == '\\' && i + 1 < body.Length)
                c = body[++i];
            pattern.Append(Regex.Escape(c.ToString()));
            fixedCharacters++;
        }
        return (pattern.ToString(), fixedCharacters);
    }

    private static int HoleEnd(string body, int open)
    {
        var depth = 0;
        var inString = false;
        for (var i = open; i < body.Length; i++)
        {
            if (body[i] == '"')
                inString = !inString;
            else if (!inString && body[i] == '{')
                depth++;
            else if (!inString && body[i] == '}' && --depth == 0)
                return i;
        }
        return body.Length - 1;
    }

    // "a " + "b" and $"a " +\n $"b" are one literal (the first one's $ decides).
    [GeneratedRegex(@"""\s*\+\s*\$?@?""")]
    private static partial Regex Concatenation();

    // A regular or interpolated string literal; holes may hold quoted strings ({(x ? " " + y : "")}).
    [GeneratedRegex(@"(?<dollar>\$)?""(?<body>(?:[^""\\{]|\\.|\{(?:[^{}""]|""[^""]*""|\{[^{}]*\})*\})*)""")]
    private static partial Regex StringLiteral();
}
