using Idp.Build.Tools;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>
/// Per-target overhead: a generated build program runs all its no-op targets, and then just one of them;
/// the difference, run by run, divided by the number of targets is what the engine spends per target.
/// </summary>
static class NoOpTargetsBenchmark
{
    public static IReadOnlyList<Figure> Measure(AbsolutePath root, int runs, int targets)
    {
        using var program = NoOpBuildProgram.Build(root, targets);
        var all = new List<ProcessMeasurement>();
        var single = new List<ProcessMeasurement>();
        for (var run = 0; run <= runs; run++)
        {
            var many = MeasuredProcess.Run(program.Directory, DotNetTasks.DotNetPath, program.Assembly, "All").ThrowIfFailed($"dotnet {program.Assembly} All");
            var one = MeasuredProcess.Run(program.Directory, DotNetTasks.DotNetPath, program.Assembly, "Single").ThrowIfFailed($"dotnet {program.Assembly} Single");
            if (!many.Output.Contains($"NoOp{targets:D5}", StringComparison.Ordinal))
                throw new InvalidOperationException($"The generated build's 'All' did not run NoOp{targets:D5}. Its output:\n{many.Output}");
            if (run == 0)
                continue;
            all.Add(many);
            single.Add(one);
        }

        var described = $"a generated build ({program.CompiledAs}, as the bootstrappers build) with {targets:N0} no-op targets";
        var measuredAs = $"median of {runs} runs after 1 warm-up, interleaved with the single-target runs; output to a file";
        return
        [
            Figure.Measured($"noop-targets-{targets}.wall", ProcessMeasurement.WallSeconds(all), "s", atMost: 0.5,
                $"dotnet NoOpTargets.dll All, where All depends on the {targets:N0} no-op targets of {described}: start-up to exit; {measuredAs}"),
            Figure.Measured("noop-targets-single.wall", ProcessMeasurement.WallSeconds(single), "s", atMost: null,
                $"the same program running one no-op target (Single): start-up, discovery of all targets, one target, summary; {measuredAs}"),
            Figure.Measured("noop-targets.per-target-overhead", new Samples(all.Zip(single, (a, s) => (a.Wall - s.Wall).TotalMilliseconds / targets)), "ms", atMost: null,
                $"paired (All − Single) / {targets:N0}: the cost of one more scheduled target: planning, executing, header and summary row, and JIT-compiling its action"),
            Figure.Measured($"noop-targets-{targets}.cpu", ProcessMeasurement.CpuSeconds(all), "s", atMost: null,
                "user + system CPU time of the All runs"),
            Figure.Measured($"noop-targets-{targets}.peak-rss", ProcessMeasurement.PeakMebibytes(all), "MiB", atMost: null,
                "peak resident set size of the All runs: ru_maxrss from wait4 on exactly that child"),
        ];
    }
}
