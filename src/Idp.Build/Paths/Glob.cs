using System.IO.Enumeration;
using System.Text.RegularExpressions;

namespace Idp.Build.Paths;

/// <summary>
/// File globbing relative to a base directory: <c>*</c> within a segment, <c>?</c> one character, <c>**</c> any depth.
/// As in a shell with globstar and in MSBuild's default items, wildcards do not enter folders whose names start with a
/// dot (<c>.git</c>, <c>.nuget</c>, <c>.vs</c>) unless the pattern names them, as <c>**/.config/*.json</c> does.
/// </summary>
internal static class Glob
{
    private static readonly EnumerationOptions EveryFile = new() { RecurseSubdirectories = true, AttributesToSkip = 0 };

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
        return FilesBelow(searchRoot, DotFoldersNamedIn(normalized))
            .Where(file => regex.IsMatch(Path.GetRelativePath(baseDirectory, file).Replace('\\', '/')))
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal);
    }

    private static FileSystemEnumerable<string> FilesBelow(string directory, HashSet<string> dotFoldersToEnter) =>
        new(directory, (ref entry) => entry.ToFullPath(), EveryFile)
        {
            ShouldIncludePredicate = (ref entry) => !entry.IsDirectory,
            ShouldRecursePredicate = (ref entry) => entry.FileName[0] != '.' || dotFoldersToEnter.Contains(entry.FileName.ToString()),
        };

    private static HashSet<string> DotFoldersNamedIn(string pattern) =>
        pattern.Split('/').Where(segment => segment.StartsWith('.') && segment is not ("." or "..")).ToHashSet(StringComparer.Ordinal);

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
