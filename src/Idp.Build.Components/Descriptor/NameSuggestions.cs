namespace Idp.Build.Components.Descriptor;

// "Did you mean" hints for keys and values that look like a typo of a known one.
internal static class NameSuggestions
{
    public static string DidYouMean(string typed, IEnumerable<string> known)
    {
        var closest = Closest(typed, known);
        return closest.Count == 0 ? "" : $" Did you mean {string.Join(" or ", closest.Select(k => $"'{k}'"))}?";
    }

    public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> known)
    {
        var lowered = typed.ToLowerInvariant();
        var scored = known.Distinct()
            .Select(k => (Name: k, Distance: EditDistance(lowered, k.ToLowerInvariant())))
            .Where(s => s.Distance <= Math.Max(2, typed.Length / 3))
            .ToArray();
        if (scored.Length == 0)
            return [];
        var best = scored.Min(s => s.Distance);
        return scored.Where(s => s.Distance == best).Select(s => s.Name).Take(3).ToArray();
    }

    // Optimal string alignment: a swapped pair of letters ("namesapce") is one edit, the commonest typo.
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
