namespace Idp.Build.Repository.Benchmarks;

/// <summary>
/// One number of a benchmark suite, as written to <c>artifacts/benchmarks/&lt;suite&gt;.json</c>.
/// </summary>
/// <param name="Name">A stable identifier, dotted from general to specific, e.g. <c>planning.10000-targets</c>.</param>
/// <param name="Source"><c>measured</c> in this run, or <c>reported</c> (a constant quoted from elsewhere; see the note).</param>
/// <param name="Value">The median of the runs for a measured figure.</param>
/// <param name="Goal">The bound the value must stay within, in the same unit; null when there is none.</param>
/// <param name="Met">Whether the value is within the goal; null when there is no goal.</param>
/// <param name="Spread">The smallest and largest run, and how many runs the median is of.</param>
sealed record Figure(string Name, string Source, double Value, string Unit, Goal? Goal, bool? Met, Spread? Spread, string Note)
{
    public static Figure Measured(string name, Samples samples, string unit, double? atMost, string note) =>
        Create(name, "measured", Round(samples.Median), unit, atMost, new Spread(Round(samples.Min), Round(samples.Max), samples.Count), note);

    public static Figure Measured(string name, double value, string unit, double? atMost, string note) =>
        Create(name, "measured", Round(value), unit, atMost, spread: null, note);

    public static Figure Reported(string name, double value, string unit, string note, Spread? range = null) =>
        Create(name, "reported", value, unit, atMost: null, range, note);

    private static Figure Create(string name, string source, double value, string unit, double? atMost, Spread? spread, string note) =>
        new(name, source, value, unit, atMost is { } bound ? new Goal(bound) : null, atMost is { } limit ? value <= limit : null, spread, note);

    private static double Round(double value) => Math.Round(value, 3);
}

/// <summary>An upper bound; later suites may add other kinds of bound as further properties.</summary>
sealed record Goal(double AtMost);

/// <summary>The range of the runs behind a median (<see cref="Runs"/> is null for a range quoted from elsewhere).</summary>
sealed record Spread(double Min, double Max, int? Runs);
