using System.Globalization;
using Idp.Build.Output;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>The suite as a table a person reads at the end of the run, and the one-line digest for the build summary.</summary>
static class SummaryTable
{
    public static string Render(BenchmarkSuite suite)
    {
        var table = new TextTable("figure", "value", "spread (runs)", "goal", "met");
        var measured = true;
        foreach (var figure in suite.Figures)
        {
            if (measured && figure.Source != "measured")
            {
                table.Separator();
                measured = false;
            }
            table.Add(
                figure.Name,
                $"{Number(figure.Value)} {figure.Unit}",
                figure.Spread is { } s ? $"{Number(s.Min)}–{Number(s.Max)}{(s.Runs is { } n ? $" ({n})" : "")}" : "",
                figure.Goal is { } g ? $"≤ {Number(g.AtMost)} {figure.Unit}" : "",
                figure.Met switch { true => "yes", false => "NO", null => "" });
        }
        return table.Render();
    }

    public static string Digest(BenchmarkSuite suite)
    {
        var goals = suite.Figures.Where(f => f.Met is not null).ToArray();
        var missed = goals.Where(f => f.Met == false).Select(f => f.Name).ToArray();
        return $"{goals.Length - missed.Length}/{goals.Length} goals met" + (missed.Length > 0 ? $"; missed: {string.Join(", ", missed)}" : "");
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
