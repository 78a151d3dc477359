using Idp.Build;
using Idp.Build.Repository.Benchmarks;

namespace Idp.Build.Repository;

partial class Build
{
    [Parameter("How many measured runs Benchmark makes of each process it times (default: 10)")]
    readonly int BenchmarkRuns = 10;

    AbsolutePath BenchmarksDirectory => ArtifactsDirectory / "benchmarks";

    Target Benchmark => _ => _
        .Description("Measures the engine (warm start, planning, per-target overhead, memory), the golden path's overhead and the image build and push into artifacts/benchmarks/")
        .Executes(() =>
        {
            if (BenchmarkRuns < 1)
                throw new BuildException($"--benchmark-runs is {BenchmarkRuns}; give at least 1 (10 or more for a stable median).");
            var machine = MachineFacts.OfThisMachine(RootDirectory);
            Log.Information($"Warm start: ./build.sh --help and the build dll's --help, {BenchmarkRuns} runs each");
            var startUp = StartUpBenchmark.Measure(RootDirectory, BenchmarkRuns);
            Log.Information("Planning 1,000 and 10,000 generated targets in this process");
            var planning = new[] { 1_000, 10_000 }.Select(PlanningFigure).ToArray();
            Log.Information($"1,000 no-op targets: building the generated program, then {BenchmarkRuns} runs of All and of Single");
            var noOp = NoOpTargetsBenchmark.Measure(RootDirectory, BenchmarkRuns, targets: 1_000);

            var suite = new BenchmarkSuite("engine", machine, [.. startUp, .. planning, .. noOp, .. NukeReferenceFigures.All]);
            var file = SuiteWriter.Write(BenchmarksDirectory, suite);
            Log.Information(SummaryTable.Render(suite).TrimEnd());
            Log.Information($"{file.RelativeTo(RootDirectory)} ({machine.ProcessorCount} processors, load average {machine.LoadAverage} at the start)");
            ReportSummary(SummaryTable.Digest(suite));

            Log.Information($"Golden path: warm ./build.sh Compile in the sample against plain dotnet build, {Math.Min(BenchmarkRuns, 5)} runs each");
            var goldenPath = new BenchmarkSuite("golden-path", machine, [.. SampleCompileBenchmark.Measure(RootDirectory / "samples" / "hello-service", Math.Min(BenchmarkRuns, 5))]);
            var goldenPathFile = SuiteWriter.Write(BenchmarksDirectory, goldenPath);
            Log.Information(SummaryTable.Render(goldenPath).TrimEnd());
            Log.Information(goldenPathFile.RelativeTo(RootDirectory));

            Log.Information($"Images: cold and warm DockerBuild + Push of the sample against docker build + docker push by hand, {Math.Min(BenchmarkRuns, 5)} runs each");
            var images = new BenchmarkSuite("images", machine, [.. ImageBenchmark.Measure(RootDirectory, Math.Min(BenchmarkRuns, 5))]);
            var imagesFile = SuiteWriter.Write(BenchmarksDirectory, images);
            Log.Information(SummaryTable.Render(images).TrimEnd());
            Log.Information(imagesFile.RelativeTo(RootDirectory));

            // Slow figures only miss a goal; a rebuild means the bootstrapper's fingerprint is broken, which is a bug.
            if (suite.Figures.Single(f => f.Name == "bootstrap.warm-help.rebuilds").Met == false)
                throw new BuildException($"./build.sh --help rebuilt the build project although nothing changed; see bootstrap.warm-help.rebuilds in {file}.");
        });

    static Figure PlanningFigure(int targets)
    {
        var (milliseconds, graph) = PlanningBenchmark.Measure(targets, runs: 20);
        return Figure.Measured($"planning.{targets}-targets", milliseconds, "ms", atMost: targets == 10_000 ? 100 : null,
            $"ExecutionPlanner.Plan in process on a generated graph of {targets:N0} targets and {graph.Edges:N0} edges " +
            $"(hubs, local chains, wide aggregates, ordering edges, triggers), all {targets:N0} scheduled; median of 20 runs after 3 warm-ups");
    }
}
