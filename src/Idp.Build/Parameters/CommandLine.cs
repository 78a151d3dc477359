namespace Idp.Build.Parameters;

/// <summary>
/// The parsed command line: target names first, then <c>--option value…</c> groups. Option names are matched
/// without case or dashes; a repeated option's last occurrence wins; an option without values is a flag.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, Option> _options = new(StringComparer.Ordinal);

    private CommandLine(IReadOnlyList<string> targets) => Targets = targets;

    public IReadOnlyList<string> Targets { get; }

    public IEnumerable<Option> Options => _options.Values;

    public sealed record Option(string Spelling, IReadOnlyList<string> Values);

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
            line._options[ParameterNames.Normalize(spelling)] = new Option(spelling, values);
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
