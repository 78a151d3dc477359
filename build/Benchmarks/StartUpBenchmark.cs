using Idp.Build.Tools;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>
/// Warm start: <c>./build.sh --help</c> through the bootstrapper, and the build dll's <c>--help</c> run directly,
/// interleaved run by run so that load from other work on the machine falls on both alike.
/// </summary>
static class StartUpBenchmark
{
    // The bootstrapper prints this only when its fingerprint of the build's inputs changed and it calls dotnet build.
    private const string RebuildMessage = "Building the build project";
    private const double MebibytesPerMegabyte = 1_000_000.0 / (1024 * 1024);

    public static IReadOnlyList<Figure> Measure(AbsolutePath root, int runs)
    {
        var script = root / "build.sh";
        var assembly = root / "build" / "bin" / "_build.dll";
        var assemblyWrittenAt = File.GetLastWriteTimeUtc(assembly);
        var bootstrap = new List<ProcessMeasurement>();
        var direct = new List<ProcessMeasurement>();
        for (var run = 0; run <= runs; run++)
        {
            var throughScript = MeasuredProcess.Run(root, script, "--help").ThrowIfFailed("./build.sh --help");
            var dll = MeasuredProcess.Run(root, DotNetTasks.DotNetPath, assembly, "--help").ThrowIfFailed("dotnet build/bin/_build.dll --help");
            // The first pair only warms the file system cache.
            if (run == 0)
                continue;
            bootstrap.Add(throughScript);
            direct.Add(dll);
        }

        var rebuilds = bootstrap.Count(m => m.Output.Contains(RebuildMessage, StringComparison.Ordinal))
            + (File.GetLastWriteTimeUtc(assembly) != assemblyWrittenAt ? 1 : 0);
        var measuredAs = $"median of {runs} runs after 1 warm-up, interleaved with the other start-up figure";
        return
        [
            Figure.Measured("bootstrap.warm-help.wall", ProcessMeasurement.WallSeconds(bootstrap), "s", atMost: 0.6,
                $"./build.sh --help with nothing changed (fingerprint matches, no dotnet build); {measuredAs}"),
            Figure.Measured("bootstrap.warm-help.rebuilds", rebuilds, "runs", atMost: 0,
                $"measured runs in which the bootstrapper printed \"{RebuildMessage}\" or build/bin/_build.dll was rewritten; must be 0"),
            Figure.Measured("bootstrap.warm-help.fingerprint-overhead", new Samples(bootstrap.Zip(direct, (b, d) => (b.Wall - d.Wall).TotalMilliseconds)), "ms", atMost: null,
                "paired difference ./build.sh --help − dotnet _build.dll --help: what the script itself costs (bash, find, cksum)"),
            Figure.Measured("bootstrap.warm-help.peak-rss", ProcessMeasurement.PeakMebibytes(bootstrap), "MiB", atMost: null,
                "ru_maxrss from wait4 of the script's process: the largest of bash, the children it waited for, and dotnet after exec"),
            Figure.Measured("build-dll.help.wall", ProcessMeasurement.WallSeconds(direct), "s", atMost: 0.25, $"dotnet build/bin/_build.dll --help; {measuredAs}"),
            Figure.Measured("build-dll.help.cpu", ProcessMeasurement.CpuSeconds(direct), "s", atMost: null,
                "user + system CPU time of the same runs; less disturbed than wall time by other work on the machine"),
            Figure.Measured("build-dll.help.peak-rss", ProcessMeasurement.PeakMebibytes(direct), "MiB", atMost: 100 * MebibytesPerMegabyte,
                "peak resident set size of the dotnet process: ru_maxrss from wait4 on exactly that child; goal 100 MB (issue #2) = 95.367 MiB"),
        ];
    }
}
