using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>
/// Gathers every suite file in <c>artifacts/benchmarks/</c> into <c>summary.md</c> (one table: figure, value, goal,
/// met) and <c>summary.json</c>. Suites are read as JSON rather than as <see cref="BenchmarkSuite"/> so that a suite
/// written by another program (Idp.Dora's benchmark, with goals of the form <c>atLeast</c>) is gathered the same way.
/// Each suite keeps its own machine facts: suites measured in different runs say so by their dates and commits.
/// </summary>
static class BenchmarkSummary
{
    private const string Name = "summary";

    public static (AbsolutePath Markdown, AbsolutePath Json, string Digest) Write(AbsolutePath directory)
    {
        var suites = directory.GlobFiles("*.json")
            .Where(f => Path.GetFileNameWithoutExtension(f) != Name)
            .OrderBy(f => (string)f, StringComparer.Ordinal)
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject())
            .ToArray();
        var rows = suites.SelectMany(s => s["figures"]!.AsArray().Select(f => Row.Of(s["suite"]!.GetValue<string>(), f!.AsObject()))).ToArray();
        var withGoal = rows.Where(r => r.Met is not null).ToArray();
        var missed = withGoal.Where(r => r.Met == false).Select(r => r.Figure).ToArray();
        var digest = $"{withGoal.Length - missed.Length}/{withGoal.Length} goals met" + (missed.Length > 0 ? $"; missed: {string.Join(", ", missed)}" : "");

        var json = new JsonObject
        {
            ["goalsMet"] = withGoal.Length - missed.Length,
            ["goals"] = withGoal.Length,
            ["missed"] = new JsonArray([.. missed.Select(m => JsonValue.Create(m))]),
            ["suites"] = new JsonArray([.. suites.Select(s => new JsonObject
            {
                ["suite"] = s["suite"]!.DeepClone(),
                ["date"] = s["machine"]?["date"]?.DeepClone(),
                ["commit"] = s["machine"]?["commit"]?.DeepClone(),
                ["loadAverage"] = s["machine"]?["loadAverage"]?.DeepClone(),
            })]),
            ["figures"] = new JsonArray([.. rows.Select(r => r.ToJson())]),
        };
        var jsonFile = directory / $"{Name}.json";
        File.WriteAllText(jsonFile, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

        var markdownFile = directory / $"{Name}.md";
        File.WriteAllText(markdownFile, Markdown(suites, rows, digest));
        return (markdownFile, jsonFile, digest);
    }

    private static string Markdown(IEnumerable<JsonObject> suites, IEnumerable<Row> rows, string digest)
    {
        var text = new StringBuilder()
            .AppendLine("# Benchmarks")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{digest}. Written by `./build.sh Benchmark`; each suite's figures were measured side by side in one run.")
            .AppendLine()
            .AppendLine("| suite | measured | commit | processors | load average at start |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var suite in suites)
        {
            var machine = suite["machine"];
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {suite["suite"]} | {When(machine?["date"])} | {Short(machine?["commit"])} | {machine?["processorCount"]} | {machine?["loadAverage"]} |");
        }
        text.AppendLine()
            .AppendLine("| figure | value | goal | met |")
            .AppendLine("|---|---|---|---|");
        foreach (var row in rows)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Figure} | {row.Value} | {row.Goal} | {row.Met switch { true => "yes", false => "**no**", null => "" }} |");
        return text.ToString();
    }

    private static string When(JsonNode? date) =>
        DateTimeOffset.TryParse(date?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "";

    private static string Short(JsonNode? commit) => commit?.GetValue<string>() is { Length: > 12 } sha ? sha[..12] : commit?.ToString() ?? "";

    private sealed record Row(string Figure, string Value, string Goal, bool? Met, JsonObject Source)
    {
        public static Row Of(string suite, JsonObject figure)
        {
            var unit = figure["unit"]?.GetValue<string>() ?? "";
            var goal = figure["goal"] switch
            {
                JsonObject g when g["atMost"] is { } most => $"≤ {Number(most)} {unit}",
                JsonObject g when g["atLeast"] is { } least => $"≥ {Number(least)} {unit}",
                _ => "",
            };
            return new Row($"{suite}/{figure["name"]}", $"{Number(figure["value"]!)} {unit}", goal, figure["met"]?.GetValue<bool>(), figure);
        }

        public JsonObject ToJson() => new()
        {
            ["figure"] = Figure,
            ["value"] = Source["value"]!.DeepClone(),
            ["unit"] = Source["unit"]?.DeepClone(),
            ["goal"] = Source["goal"]?.DeepClone(),
            ["met"] = Met,
        };

        private static string Number(JsonNode value) => value.GetValue<double>().ToString("0.###", CultureInfo.InvariantCulture);
    }
}
