using System.Diagnostics;
using System.Globalization;
using Idp.Build.Tools;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>
/// The sample's golden path from a code change to a healthy local deploy, against the same steps run by hand in a
/// copy of the sample (<c>dotnet build</c>, <c>dotnet test</c>, <c>dotnet publish</c>, <c>docker build</c>,
/// <c>docker push</c>, <c>docker run</c> and waiting for <c>/health</c>), interleaved run by run, each run after a
/// one-line change; then <c>Test SonarGate DockerBuild Push</c> sequential against <c>--parallel</c>, where Test
/// and the quality gate run alongside Publish, DockerBuild and Push. The golden path runs in a process of its own (as in
/// CI) and, interleaved, on the build server (as at a developer's terminal).
/// </summary>
static class EndToEndBenchmark
{
    private const string HandContainer = "idp-benchmark-by-hand";

    public static IReadOnlyList<Figure> Measure(AbsolutePath repositoryRoot, AbsolutePath doraServer, int runs)
    {
        using var sample = SampleWorkspace.Create(repositoryRoot, "end-to-end");
        var hand = sample.CopyForHand("by-hand");
        var goldenPort = Port(FreePort.Next());
        var handPort = FreePort.Next();
        // Release on both sides, as on CI (the golden path builds Debug on a laptop by default).
        string[] goldenPath = ["Test", "DockerBuild", "Push", "Deploy", "--environment", "local", "--local-port", goldenPort, "--configuration", "Release",
            "--dora-server", doraServer, "--dora-port", Port(FreePort.Next())];
        string[] imageSteps = ["Test", "SonarGate", "DockerBuild", "Push", "--skip", "LocalPlatform", "--configuration", "Release"];
        try
        {
            // Warm-up of both paths: the platform starts, the base image is built, restores happen, first compiles.
            sample.Build(goldenPath).ThrowIfFailed("golden path (warm-up)");
            sample.BuildOnServer(goldenPath).ThrowIfFailed("golden path (warm-up, starting the build server)");
            ByHand(sample, hand, handPort, "warm-up");

            var golden = new List<ProcessMeasurement>();
            var goldenOnServer = new List<ProcessMeasurement>();
            var byHand = new List<double>();
            var sequential = new List<ProcessMeasurement>();
            var parallel = new List<ProcessMeasurement>();
            for (var run = 0; run < runs; run++)
            {
                SampleWorkspace.ChangeOneLine(sample.Directory, $"Golden path run {run}.");
                golden.Add(sample.Build(goldenPath).ThrowIfFailed("golden path"));
                SampleWorkspace.ChangeOneLine(sample.Directory, $"Golden path run {run} on the build server.");
                goldenOnServer.Add(sample.BuildOnServer(goldenPath).ThrowIfFailed("golden path on the build server"));
                SampleWorkspace.ChangeOneLine(hand, $"By-hand run {run}.");
                byHand.Add(ByHand(sample, hand, handPort, $"run-{run}"));
            }
            for (var run = 0; run < runs; run++)
            {
                SampleWorkspace.ChangeOneLine(sample.Directory, $"Sequential run {run}.");
                sequential.Add(sample.Build(imageSteps).ThrowIfFailed("Test SonarGate DockerBuild Push"));
                SampleWorkspace.ChangeOneLine(sample.Directory, $"Parallel run {run}.");
                parallel.Add(sample.Build([.. imageSteps, "--parallel"]).ThrowIfFailed("Test SonarGate DockerBuild Push --parallel"));
            }

            var ours = ProcessMeasurement.WallSeconds(golden);
            var oursOnServer = ProcessMeasurement.WallSeconds(goldenOnServer);
            var theirs = new Samples(byHand);
            var oneAtATime = ProcessMeasurement.WallSeconds(sequential);
            var alongside = ProcessMeasurement.WallSeconds(parallel);
            return
            [
                Figure.Measured("end-to-end.golden-path", ours, "s", atMost: null,
                    $"one-line change, then ./build.sh Test DockerBuild Push Deploy --environment local in a copy of the sample (Restore, Compile, Publish, LocalPlatform and EmitDora included), to a healthy container, in a process of its own as in CI; median of {runs}"),
                Figure.Measured("end-to-end.by-hand", theirs, "s", atMost: null,
                    $"one-line change, then the sum of dotnet build, dotnet test, dotnet publish (Release), docker build, docker push, docker run and polling /health until 200, in a second copy; median of {runs}, interleaved"),
                Figure.Measured("end-to-end.golden-path-vs-by-hand", Math.Round(ours.Median / theirs.Median, 3), "ratio", atMost: 1.1,
                    "median golden path ÷ median by hand (issue #8 goal ≤ 1.10); the golden path also collects coverage, labels the image, deploys side by side and sends the DORA event"),
                Figure.Measured("end-to-end.golden-path.server", oursOnServer, "s", atMost: null,
                    $"the same on the build server, as at a developer's terminal (started by an earlier run); median of {runs}, interleaved"),
                Figure.Measured("end-to-end.golden-path.server-vs-by-hand", Math.Round(oursOnServer.Median / theirs.Median, 3), "ratio", atMost: 1.1,
                    "median golden path on the build server ÷ median by hand"),
                Figure.Measured("parallel.sequential", oneAtATime, "s", atMost: null, $"one-line change, then Test SonarGate DockerBuild Push one target at a time; median of {runs}"),
                Figure.Measured("parallel.parallel", alongside, "s", atMost: null, $"the same with --parallel (Test and SonarGate alongside Publish, DockerBuild, Push); median of {runs}, interleaved"),
                Figure.Measured("parallel.ratio", Math.Round(alongside.Median / oneAtATime.Median, 3), "ratio", atMost: null,
                    $"median --parallel ÷ median sequential, on {Environment.ProcessorCount} processors"),
            ];
        }
        finally
        {
            sample.Docker(sample.Directory, "rm", "-f", HandContainer, "idp-hello-service");
        }
    }

    private static double ByHand(SampleWorkspace sample, AbsolutePath copy, int port, string tag)
    {
        var image = $"{sample.Image}:by-hand-{tag}";
        var dotnet = DotNetTasks.DotNetPath;
        var seconds = new[]
        {
            MeasuredProcess.Run(copy, dotnet, "build", "HelloService.sln", "-c", "Release", "-nologo").ThrowIfFailed("dotnet build"),
            MeasuredProcess.Run(copy, dotnet, "test", "HelloService.sln", "-c", "Release", "--no-build", "-nologo").ThrowIfFailed("dotnet test"),
            MeasuredProcess.Run(copy, dotnet, "publish", "src/HelloService/HelloService.csproj", "-c", "Release", "--no-build", "-o", "artifacts/publish/hello-service", "-nologo").ThrowIfFailed("dotnet publish"),
            sample.Docker(copy, "build", "-t", image, "--build-arg", $"BASE_IMAGE={sample.BaseImage}", ".").ThrowIfFailed("docker build"),
            sample.Docker(copy, "push", image).ThrowIfFailed("docker push"),
            sample.Docker(copy, "rm", "-f", HandContainer).ThrowIfFailed("docker rm"),
            sample.Docker(copy, "run", "-d", "--name", HandContainer, "--network", "host", "-e", $"ASPNETCORE_HTTP_PORTS={Port(port)}", image).ThrowIfFailed("docker run"),
        }.Sum(m => m.Wall.TotalSeconds);
        return seconds + WaitForHealth(port);
    }

    private static double WaitForHealth(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{Port(port)}/health")));
                if (response.IsSuccessStatusCode)
                    return clock.Elapsed.TotalSeconds;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet.
            }
            Thread.Sleep(100);
        }
        throw new InvalidOperationException($"The container started by hand did not answer http://127.0.0.1:{Port(port)}/health within 60 s.");
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
