using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idp.Dora.Benchmarks;

// The shape of artifacts/benchmarks/<suite>.json that build/Benchmarks writes, copied so this project stays apart from build/.

/// <summary>The figures of one suite, measured side by side in one run on one machine.</summary>
public sealed record BenchmarkSuite(string Suite, MachineFacts Machine, IReadOnlyList<Figure> Figures);

/// <summary>One number: the median (or another percentile) of its runs, the goal it must meet and the range of the runs.</summary>
public sealed record Figure(string Name, string Source, double Value, string Unit, Goal? Goal, bool? Met, Spread? Spread, string Note)
{
    /// <summary>The median of <paramref name="runs"/>, which must be at most <paramref name="bound"/>.</summary>
    public static Figure AtMost(string name, IReadOnlyList<double> runs, string unit, double bound, string note) =>
        Create(name, runs, 0.5, unit, new Goal(bound, null), note);

    /// <summary>The median of <paramref name="runs"/>, which must be at least <paramref name="bound"/>.</summary>
    public static Figure AtLeast(string name, IReadOnlyList<double> runs, string unit, double bound, string note) =>
        Create(name, runs, 0.5, unit, new Goal(null, bound), note);

    /// <summary>The 95th percentile of <paramref name="runs"/>, which must be at most <paramref name="bound"/>.</summary>
    public static Figure P95AtMost(string name, IReadOnlyList<double> runs, string unit, double bound, string note) =>
        Create(name, runs, 0.95, unit, new Goal(bound, null), note);

    /// <summary>The median of <paramref name="runs"/>, measured for context, without a goal.</summary>
    public static Figure Context(string name, IReadOnlyList<double> runs, string unit, string note) =>
        Create(name, runs, 0.5, unit, null, note);

    /// <summary>The <paramref name="quantile"/> of <paramref name="runs"/>, interpolated between the two nearest runs.</summary>
    public static double Percentile(IReadOnlyList<double> runs, double quantile)
    {
        var sorted = runs.Order().ToArray();
        var position = quantile * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    private static Figure Create(string name, IReadOnlyList<double> runs, double quantile, string unit, Goal? goal, string note)
    {
        var value = Math.Round(Percentile(runs, quantile), 3);
        bool? met = goal switch
        {
            null => null,
            { AtMost: { } most } => value <= most,
            _ => value >= goal.AtLeast!.Value,
        };
        return new Figure(name, "measured", value, unit, goal, met, new Spread(Math.Round(runs.Min(), 3), Math.Round(runs.Max(), 3), runs.Count), note);
    }
}

/// <summary>A bound: at most or at least a value, in the figure's unit (the other one is left out).</summary>
public sealed record Goal(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? AtMost,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? AtLeast);

/// <summary>The smallest and largest run, and how many runs the median is of.</summary>
public sealed record Spread(double Min, double Max, int? Runs);

/// <summary>The machine, the runtime and how busy the machine was (two shared cores skew timings).</summary>
public sealed record MachineFacts(
    int ProcessorCount, string? ProcessorModel, string OperatingSystem, string Architecture, string DotNetRuntime,
    string? DotNetSdk, double? LoadAverage, double? LoadAverageAtEnd, string? Commit, DateTimeOffset Date)
{
    public static MachineFacts OfThisMachine() => new(
        Environment.ProcessorCount,
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null,
        RuntimeInformation.OSDescription,
        RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
        RuntimeInformation.FrameworkDescription,
        Run("dotnet", "--version"),
        ReadLoadAverage(),
        null,
        Run("git", "rev-parse HEAD"),
        DateTimeOffset.UtcNow);

    /// <summary>The one-minute load average, or null off Linux.</summary>
    public static double? ReadLoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out var load)
            ? load
            : null;

    private static string? Run(string program, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

/// <summary>Writes a suite as indented camel-case JSON, as build/Benchmarks does.</summary>
public static class SuiteWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void Write(string path, BenchmarkSuite suite)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(suite, Options) + "\n");
    }
}
