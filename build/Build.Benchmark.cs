using Idp.Build;
using Idp.Build.Repository.Benchmarks;

namespace Idp.Build.Repository;

partial class Build
{
    static readonly string[] AllBenchmarkSuites = ["engine", "golden-path", "images", "end-to-end", "adoption", "dora"];

    [Parameter("How many measured runs Benchmark makes of each process it times (default: 10)")]
    readonly int BenchmarkRuns = 10;

    [Parameter("Which benchmark suites to run: engine, golden-path, images, end-to-end, adoption, dora (default: all); the summary gathers every suite file present")]
    readonly string[] BenchmarkSuites = AllBenchmarkSuites;

    [Parameter("How many events the dora suite stores before it measures the query (default: 1000000)")]
    readonly int DoraBenchmarkEvents = 1_000_000;

    AbsolutePath BenchmarksDirectory => ArtifactsDirectory / "benchmarks";

    Target Benchmark => _ => _
        .Description("Measures the engine, the golden path against the same steps by hand, images, --parallel and Idp.Dora into artifacts/benchmarks/ (summary.md, summary.json)")
        .DependsOn(Compile)
        .Executes(() =>
        {
            if (BenchmarkRuns < 1)
                throw new BuildException($"--benchmark-runs is {BenchmarkRuns}; give at least 1 (10 or more for a stable median).");
            if (BenchmarkSuites.Except(AllBenchmarkSuites).ToArray() is { Length: > 0 } unknown)
                throw new BuildException($"--benchmark-suites has {string.Join(", ", unknown)}; the suites are {string.Join(", ", AllBenchmarkSuites)}.");
            var machine = MachineFacts.OfThisMachine(RootDirectory);
            var fewRuns = Math.Min(BenchmarkRuns, 5);
            if (BenchmarkSuites.Contains("engine"))
                EngineBenchmark(machine);
            if (BenchmarkSuites.Contains("golden-path"))
            {
                Log.Information($"Golden path: warm ./build.sh Compile in the sample against plain dotnet build, {fewRuns} runs each");
                WriteSuite(new BenchmarkSuite("golden-path", machine, [.. SampleCompileBenchmark.Measure(RootDirectory / "samples" / "hello-service", fewRuns)]));
            }
            if (BenchmarkSuites.Contains("images"))
            {
                Log.Information($"Images: cold and warm DockerBuild + Push of the sample against docker build + docker push by hand, {fewRuns} runs each");
                WriteSuite(new BenchmarkSuite("images", machine, [.. ImageBenchmark.Measure(RootDirectory, fewRuns)]));
            }
            if (BenchmarkSuites.Contains("end-to-end"))
            {
                var runs = Math.Min(BenchmarkRuns, 3);
                Log.Information($"End to end: the sample's golden path to a local deploy against the same steps by hand, and --parallel against sequential, {runs} runs each");
                WriteSuite(new BenchmarkSuite("end-to-end", machine, [.. EndToEndBenchmark.Measure(RootDirectory, DoraServerDll, runs)]));
            }
            if (BenchmarkSuites.Contains("adoption"))
            {
                Log.Information("Adoption: idp-adopt on a fresh dotnet new webapi repository, to a healthy local deploy (one run: a first build is cold by nature)");
                WriteSuite(new BenchmarkSuite("adoption", machine, [.. AdoptionBenchmark.Measure(RootDirectory, Configuration)]));
            }
            if (BenchmarkSuites.Contains("dora"))
            {
                Log.Information($"Idp.Dora: ingest and query with {DoraBenchmarkEvents:N0} stored events, SQLite and PostgreSQL");
                DoraBenchmark.Run(RootDirectory, BenchmarksDirectory / "dora.json", DoraBenchmarkEvents);
            }

            var (markdown, json, digest) = BenchmarkSummary.Write(BenchmarksDirectory);
            Log.Information(File.ReadAllText(markdown).TrimEnd());
            Log.Information($"{markdown.RelativeTo(RootDirectory)}, {json.RelativeTo(RootDirectory)}");
            ReportSummary(digest);
        });

    AbsolutePath DoraServerDll => RootDirectory / "src" / "Idp.Dora" / "bin" / Configuration / "net10.0" / "Idp.Dora.dll";

    void EngineBenchmark(MachineFacts machine)
    {
        Log.Information($"Warm start: ./build.sh --help and the build dll's --help, {BenchmarkRuns} runs each");
        var startUp = StartUpBenchmark.Measure(RootDirectory, BenchmarkRuns);
        Log.Information("Planning 1,000 and 10,000 generated targets in this process");
        var planning = new[] { 1_000, 10_000 }.Select(PlanningFigure).ToArray();
        Log.Information($"1,000 no-op targets: building the generated program, then {BenchmarkRuns} runs of All and of Single");
        var noOp = NoOpTargetsBenchmark.Measure(RootDirectory, BenchmarkRuns, targets: 1_000);
        var suite = new BenchmarkSuite("engine", machine, [.. startUp, .. planning, .. noOp, .. NukeReferenceFigures.All]);
        var file = WriteSuite(suite);

        // Slow figures only miss a goal; a rebuild means the bootstrapper's fingerprint is broken, which is a bug.
        if (suite.Figures.Single(f => f.Name == "bootstrap.warm-help.rebuilds").Met == false)
            throw new BuildException($"./build.sh --help rebuilt the build project although nothing changed; see bootstrap.warm-help.rebuilds in {file}.");
    }

    AbsolutePath WriteSuite(BenchmarkSuite suite)
    {
        var file = SuiteWriter.Write(BenchmarksDirectory, suite);
        Log.Information(SummaryTable.Render(suite).TrimEnd());
        Log.Information($"{file.RelativeTo(RootDirectory)} ({suite.Machine.ProcessorCount} processors, load average {suite.Machine.LoadAverage} at the start)");
        return file;
    }

    static Figure PlanningFigure(int targets)
    {
        var (milliseconds, graph) = PlanningBenchmark.Measure(targets, runs: 20);
        return Figure.Measured($"planning.{targets}-targets", milliseconds, "ms", atMost: targets == 10_000 ? 100 : null,
            $"ExecutionPlanner.Plan in process on a generated graph of {targets:N0} targets and {graph.Edges:N0} edges " +
            $"(hubs, local chains, wide aggregates, ordering edges, triggers), all {targets:N0} scheduled; median of 20 runs after 3 warm-ups");
    }
}
