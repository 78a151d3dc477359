using Idp.Build.Tools;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>
/// The golden path's cost on top of the tool it drives: a warm <c>./build.sh Compile</c> in the sample service
/// against a warm plain <c>dotnet build</c> of the same solution, interleaved run by run, median of each. The plain
/// build runs in a copy of the sample: in one folder the two would undo each other's incremental state (the golden
/// path builds with its version and analyzers), and both would measure full recompiles instead of warm builds.
/// </summary>
static class SampleCompileBenchmark
{
    public static IReadOnlyList<Figure> Measure(AbsolutePath sample, int runs)
    {
        var script = sample / "build.sh";
        var copy = AbsolutePath.Create(Path.Combine(Path.GetTempPath(), "idp-bench-sample-" + Guid.NewGuid().ToString("N")[..8]));
        CopyTree(sample, copy);
        var solution = copy / "HelloService.sln";
        // Warm both paths: the bootstrapper builds the build project, restores happen, the compiler server starts.
        MeasuredProcess.Run(sample, script, "Compile").ThrowIfFailed("./build.sh Compile (warm-up)");
        MeasuredProcess.Run(copy, DotNetTasks.DotNetPath, "build", solution, "-nologo").ThrowIfFailed("dotnet build (warm-up)");

        var goldenPath = new List<ProcessMeasurement>();
        var plain = new List<ProcessMeasurement>();
        for (var run = 0; run < runs; run++)
        {
            goldenPath.Add(MeasuredProcess.Run(sample, script, "Compile").ThrowIfFailed("./build.sh Compile"));
            plain.Add(MeasuredProcess.Run(copy, DotNetTasks.DotNetPath, "build", solution, "-nologo").ThrowIfFailed("dotnet build"));
        }
        Directory.Delete(copy, recursive: true);

        var ours = ProcessMeasurement.WallSeconds(goldenPath);
        var theirs = ProcessMeasurement.WallSeconds(plain);
        return
        [
            Figure.Measured("sample.compile.golden-path", ours, "s", atMost: null,
                $"./build.sh Compile in samples/hello-service, warm (Restore up to date, nothing to compile); median of {runs}, interleaved with plain dotnet build"),
            Figure.Measured("sample.compile.dotnet-build", theirs, "s", atMost: null,
                $"dotnet build HelloService.sln in a copy of the sample, warm; median of {runs}"),
            Figure.Measured("sample.compile.overhead-ratio", Math.Round(ours.Median / theirs.Median, 3), "ratio", atMost: 1.15,
                "median golden path ÷ median plain dotnet build (issue #3 goal ≤ 1.15)"),
        ];
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(source).Where(d => Path.GetFileName(d) is not ("bin" or "obj" or "artifacts" or "temp")))
            CopyTree(directory, Path.Combine(target, Path.GetFileName(directory)));
    }
}
