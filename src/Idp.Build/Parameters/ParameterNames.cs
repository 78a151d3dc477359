using System.Text;

namespace Idp.Build.Parameters;

/// <summary>The spellings of a parameter name: member (SonarHostUrl), kebab (sonar-host-url), environment (SONAR_HOST_URL).</summary>
internal static class ParameterNames
{
    /// <summary>Case- and dash-insensitive key: "--Sonar-Host-URL", "sonarhosturl" and "SONAR_HOST_URL" meet here.</summary>
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    public static string Kebab(string memberName) => Separate(memberName, '-').ToLowerInvariant();

    public static string UpperSnake(string memberName) => Separate(memberName, '_').ToUpperInvariant();

    private static string Separate(string name, char separator)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (startsWord)
                builder.Append(separator);
            builder.Append(c == '-' || c == '_' ? separator : c);
        }
        return builder.ToString();
    }

    /// <summary>The closest known names to an unknown one, for a "did you mean" hint: all those equally close, at most three.</summary>
    public static IReadOnlyList<string> Suggest(string unknown, IEnumerable<string> known)
    {
        var key = Normalize(unknown);
        var scored = known
            .Distinct()
            .Select(name => (Name: name, Score: Score(key, Normalize(name))))
            .Where(x => x.Score <= Math.Max(2, key.Length / 3))
            .ToArray();
        if (scored.Length == 0)
            return [];
        var best = scored.Min(x => x.Score);
        return scored.Where(x => x.Score == best).Select(x => x.Name).Order(StringComparer.Ordinal).Take(3).ToArray();
    }

    // A name that starts with what was typed counts as one edit away, however long it is.
    private static int Score(string typed, string candidate) =>
        typed.Length >= 3 && candidate.StartsWith(typed, StringComparison.Ordinal) ? Math.Min(1, Distance(typed, candidate)) : Distance(typed, candidate);

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    public static string DidYouMean(IReadOnlyList<string> suggestions, Func<string, string> format) =>
        suggestions.Count == 0 ? "" : $" Did you mean {string.Join(" or ", suggestions.Select(s => $"'{format(s)}'"))}?";
}
