using System.Text;
using System.Text.RegularExpressions;

namespace Idp.Build.Components.Image;

/// <summary>
/// The rules of a <c>.dockerignore</c> file as the Docker CLI applies them: one pattern per line, <c>#</c> comments,
/// <c>*</c>, <c>?</c>, <c>[…]</c> within one path segment and <c>**</c> across segments, <c>!</c> to re-include;
/// a pattern that matches a directory excludes everything below it, and the last matching line wins.
/// </summary>
public sealed class DockerIgnore
{
    private readonly IReadOnlyList<(Regex Pattern, bool Exclude, string LiteralPrefix)> _rules;

    private DockerIgnore(IReadOnlyList<(Regex, bool, string)> rules) => _rules = rules;

    /// <summary>Parses the lines of a <c>.dockerignore</c> file.</summary>
    public static DockerIgnore Parse(IEnumerable<string> lines)
    {
        var rules = new List<(Regex, bool, string)>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var exclude = !line.StartsWith('!');
            var pattern = Clean(exclude ? line : line[1..].Trim());
            if (pattern.Length > 0)
                rules.Add((ToRegex(pattern), exclude, LiteralPrefix(pattern)));
        }
        return new DockerIgnore(rules);
    }

    /// <summary>True when <paramref name="relativePath"/> (with <c>/</c> separators) is left out of the context.</summary>
    public bool IsExcluded(string relativePath)
    {
        var path = Clean(relativePath);
        var excluded = false;
        foreach (var (pattern, exclude, _) in _rules)
        {
            if (MatchesSelfOrParent(pattern, path))
                excluded = exclude;
        }
        return excluded;
    }

    /// <summary>
    /// True when no file below the directory <paramref name="relativePath"/> can be included, so the walk may skip it
    /// (bin/ and obj/ hold thousands of files): it is excluded, and no re-include rule's literal start leads into it.
    /// </summary>
    public bool CanSkipDirectory(string relativePath)
    {
        var directory = Clean(relativePath) + "/";
        return IsExcluded(relativePath) && _rules.Where(r => !r.Exclude).All(r =>
            r.LiteralPrefix.Length > 0 && !r.LiteralPrefix.StartsWith(directory, StringComparison.Ordinal) && !directory.StartsWith(r.LiteralPrefix, StringComparison.Ordinal));
    }

    // The part before the first wildcard, as a directory path ("artifacts/publish" → "artifacts/publish/"; "**/x" → "").
    private static string LiteralPrefix(string pattern)
    {
        var wildcard = pattern.IndexOfAny(['*', '?', '[', '\\']);
        return wildcard < 0 ? pattern + "/" : pattern[..(pattern.LastIndexOf('/', Math.Max(wildcard - 1, 0)) + 1)];
    }

    private static bool MatchesSelfOrParent(Regex pattern, string path)
    {
        for (var end = path.Length; end > 0; end = path.LastIndexOf('/', end - 1))
        {
            if (pattern.IsMatch(path[..end]))
                return true;
            if (end == 0)
                break;
        }
        return false;
    }

    private static string Clean(string path)
    {
        var parts = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToArray();
        return string.Join('/', parts);
    }

    private static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    // "**/" also matches no directory at all.
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                        regex.Append("(.*/)?");
                    }
                    else
                    {
                        regex.Append(".*");
                    }
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                        goto default;
                    var set = pattern[(i + 1)..close];
                    regex.Append('[').Append(set.StartsWith('^') || set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                case '\\' when i + 1 < pattern.Length:
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
