using System.Text.RegularExpressions;

namespace Idp.Build.Paths;

/// <summary>File globbing relative to a base directory: <c>*</c> within a segment, <c>?</c> one character, <c>**</c> any depth.</summary>
internal static class Glob
{
    public static IEnumerable<string> Files(string baseDirectory, string pattern)
    {
        if (!Directory.Exists(baseDirectory))
            return [];
        var normalized = pattern.Replace('\\', '/').TrimStart('/');
        if (!normalized.Contains('*') && !normalized.Contains('?'))
        {
            var single = Path.Combine(baseDirectory, normalized);
            return File.Exists(single) ? [Path.GetFullPath(single)] : [];
        }
        var staticPrefix = string.Join('/', normalized.Split('/').TakeWhile(s => !s.Contains('*') && !s.Contains('?')));
        var searchRoot = Path.Combine(baseDirectory, staticPrefix);
        if (!Directory.Exists(searchRoot))
            return [];
        var regex = ToRegex(normalized);
        return Directory.EnumerateFiles(searchRoot, "*", SearchOption.AllDirectories)
            .Where(file => regex.IsMatch(Path.GetRelativePath(baseDirectory, file).Replace('\\', '/')))
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal);
    }

    public static Regex ToRegex(string pattern)
    {
        var expression = Regex.Escape(pattern)
            .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);
        return new Regex("^" + expression + "$", RegexOptions.CultureInvariant);
    }
}
