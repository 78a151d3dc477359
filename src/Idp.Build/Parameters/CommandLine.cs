namespace Idp.Build.Parameters;

/// <summary>
/// The parsed command line: target names first, then <c>--option value…</c> groups. Option names are matched
/// without case or dashes; an option without values is a flag. A repeated option keeps both readings: its last
/// occurrence, which wins for a single value, and all its values, which a list option adds up
/// (<c>--skip Publish --skip LocalPlatform</c> skips both).
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, Option> _options = new(StringComparer.Ordinal);

    private CommandLine(IReadOnlyList<string> targets) => Targets = targets;

    public IReadOnlyList<string> Targets { get; }

    public IEnumerable<Option> Options => _options.Values;

    /// <param name="Spelling">As the last occurrence spelt it.</param>
    /// <param name="Values">The values of the last occurrence.</param>
    /// <param name="AllValues">The values of every occurrence, in order.</param>
    public sealed record Option(string Spelling, IReadOnlyList<string> Values, IReadOnlyList<string> AllValues);

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var i = 0;
        var targets = new List<string>();
        while (i < args.Count && !IsOption(args[i]))
            targets.AddRange(args[i++].Split('+', StringSplitOptions.RemoveEmptyEntries));
        var line = new CommandLine(targets);
        while (i < args.Count)
        {
            var spelling = args[i++];
            string? inlineValue = null;
            var equals = spelling.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                inlineValue = spelling[(equals + 1)..];
                spelling = spelling[..equals];
            }
            var values = new List<string>();
            if (inlineValue is not null)
                values.Add(inlineValue);
            while (i < args.Count && !IsOption(args[i]))
                values.Add(args[i++]);
            var key = ParameterNames.Normalize(spelling);
            var earlier = line._options.GetValueOrDefault(key)?.AllValues ?? [];
            line._options[key] = new Option(spelling, values, [.. earlier, .. values]);
        }
        return line;
    }

    public bool Has(string name) => _options.ContainsKey(ParameterNames.Normalize(name));

    public Option? Get(string name) => _options.GetValueOrDefault(ParameterNames.Normalize(name));

    /// <summary>Removes and returns an option, so what is left at the end is unknown.</summary>
    public Option? Take(string name)
    {
        var key = ParameterNames.Normalize(name);
        return _options.Remove(key, out var option) ? option : null;
    }

    // "-5" and "-" are values; "-h", "--name" are options.
    private static bool IsOption(string token) => token.Length > 1 && token[0] == '-' && !char.IsDigit(token[1]);
}
