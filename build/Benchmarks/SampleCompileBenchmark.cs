using Idp.Build.Tools;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>
/// The golden path's cost on top of the tool it drives: a warm <c>./build.sh Compile</c> in the sample service
/// against a warm plain <c>dotnet build</c> of the same solution, interleaved run by run, median of each.
/// </summary>
static class SampleCompileBenchmark
{
    public static IReadOnlyList<Figure> Measure(AbsolutePath sample, int runs)
    {
        var script = sample / "build.sh";
        var solution = sample / "HelloService.sln";
        // Warm both paths: the bootstrapper builds the build project, restores happen, the compiler server starts.
        MeasuredProcess.Run(sample, script, "Compile").ThrowIfFailed("./build.sh Compile (warm-up)");
        MeasuredProcess.Run(sample, DotNetTasks.DotNetPath, "build", solution, "-nologo").ThrowIfFailed("dotnet build (warm-up)");

        var goldenPath = new List<ProcessMeasurement>();
        var plain = new List<ProcessMeasurement>();
        for (var run = 0; run < runs; run++)
        {
            goldenPath.Add(MeasuredProcess.Run(sample, script, "Compile").ThrowIfFailed("./build.sh Compile"));
            plain.Add(MeasuredProcess.Run(sample, DotNetTasks.DotNetPath, "build", solution, "-nologo").ThrowIfFailed("dotnet build"));
        }

        var ours = ProcessMeasurement.WallSeconds(goldenPath);
        var theirs = ProcessMeasurement.WallSeconds(plain);
        return
        [
            Figure.Measured("sample.compile.golden-path", ours, "s", atMost: null,
                $"./build.sh Compile in samples/hello-service, warm (Restore up to date, nothing to compile); median of {runs}, interleaved with plain dotnet build"),
            Figure.Measured("sample.compile.dotnet-build", theirs, "s", atMost: null,
                $"dotnet build HelloService.sln in the same folder, warm; median of {runs}"),
            Figure.Measured("sample.compile.overhead-ratio", Math.Round(ours.Median / theirs.Median, 3), "ratio", atMost: 1.15,
                "median golden path ÷ median plain dotnet build (issue #3 goal ≤ 1.15)"),
        ];
    }
}
