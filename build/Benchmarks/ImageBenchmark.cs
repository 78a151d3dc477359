using System.Text.Json;
using System.Text.RegularExpressions;
using Idp.Build.Tools;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>
/// DockerBuild + Push of the sample service on the local platform (its own registry on a free port; the base image is
/// built before and not measured), against <c>docker build</c> + <c>docker push</c> by hand on the same engine,
/// interleaved run by run: once as the plain commands (one tag, no labels), once for the same image (its labels, both
/// tags pushed). Warm (nothing changed); after a one-line code change, with the bytes the push uploaded against the
/// size of the app layer, and the same for the plain push by hand; cold (a service new to the registry, built with the
/// engine's build cache emptied; by hand with <c>--no-cache</c>). Each golden-path run goes three ways: in a process of
/// its own (as in CI), on the build server (as at a developer's terminal) and compiled with Native AOT. With the warm
/// runs, the floor: a .NET program that does nothing but ask the engine and the registry once
/// (<see cref="FirstRequestProgram"/>). By hand is the docker CLI's default builder here, the classic one: Debian's
/// docker.io 20.10 CLI has no buildx, which it needs for BuildKit. Works on a copy of the sample in its own git
/// repository, and stops the daemons it started.
/// </summary>
static partial class ImageBenchmark
{
    public static IReadOnlyList<Figure> Measure(AbsolutePath repositoryRoot, int runs)
    {
        using var sample = SampleWorkspace.Create(repositoryRoot, "image-benchmark");
        using var floorProgram = FirstRequestProgram.Build(repositoryRoot);
        string[] built = ["--skip", "LocalPlatform", "Restore", "Compile", "Publish"];
        sample.Build("LocalPlatform", "BaseImage", "Publish").ThrowIfFailed("LocalPlatform BaseImage Publish");

        // A developer's earlier runs at the terminal have started the build server; this one does so here, unmeasured.
        GoldenPathOnServer(sample, built).ThrowIfFailed("DockerBuild Push (starting the build server)");
        var labels = OwnLabels(sample, $"{sample.Image}:{sample.Git("rev-parse", "HEAD")}");
        var warm = new List<ProcessMeasurement>();
        var warmTargets = new List<double>();
        var warmOnServer = new List<ProcessMeasurement>();
        var byHand = new List<double>();
        var sameImage = new List<double>();
        var floor = new List<ProcessMeasurement>();
        var warmNative = new List<ProcessMeasurement>();
        // The native build is compiled by the first run with IDP_BUILD_NATIVE=on; its cost is reported, not compared.
        var nativeCompile = sample.BuildNative("--help").ThrowIfFailed("IDP_BUILD_NATIVE=on ./build.sh --help (compiling the build natively)");
        for (var run = 0; run < runs; run++)
        {
            warm.Add(GoldenPath(sample, built).ThrowIfFailed("DockerBuild Push (warm)"));
            warmTargets.Add(sample.TargetSeconds("DockerBuild", "Push"));
            warmOnServer.Add(GoldenPathOnServer(sample, built).ThrowIfFailed("DockerBuild Push (warm, on the build server)"));
            warmNative.Add(GoldenPathNative(sample, built).ThrowIfFailed("DockerBuild Push (warm, native)"));
            byHand.Add(BuildAndPushByHand(sample, [$"{sample.Image}:by-hand"]));
            sameImage.Add(BuildAndPushByHand(sample, SameImageTags(sample, "hello-service", "warm"), labels));
            Settle();
            floor.Add(floorProgram.Measure(sample.Engine, sample.Registry));
        }

        // One-line changes, each built and pushed in turn by the golden path, by the plain commands and as the same
        // image by hand; every one of them after a change of its own, so each side rebuilds the app layer.
        var log = sample.Platform / "registry" / "registry.log";
        var (changed, changedTargets, changedBuild, changedPush, changedByHand, changedSameImage, changedOnServer) =
            (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var changedNative = new List<double>();
        Upload? upload = null, uploadByHand = null;
        for (var run = 1; run <= runs; run++)
        {
            Change(sample, $"Change {run} for the golden path.");
            var position = File.ReadLines(log).Count();
            changed.Add(GoldenPath(sample, built).ThrowIfFailed("DockerBuild Push (code change)").Wall.TotalSeconds);
            changedTargets.Add(sample.TargetSeconds("DockerBuild", "Push"));
            changedBuild.Add(sample.TargetSeconds("DockerBuild"));
            changedPush.Add(sample.TargetSeconds("Push"));
            upload = Upload.Larger(upload, Upload.Read(log, position, Manifest(sample.Registry, sample.Git("rev-parse", "HEAD"))));

            Change(sample, $"Change {run} for the golden path on the build server.");
            changedOnServer.Add(GoldenPathOnServer(sample, built).ThrowIfFailed("DockerBuild Push (code change, on the build server)").Wall.TotalSeconds);
            Change(sample, $"Change {run} for the native build.");
            changedNative.Add(GoldenPathNative(sample, built).ThrowIfFailed("DockerBuild Push (code change, native)").Wall.TotalSeconds);
            Change(sample, $"Change {run} for the plain commands by hand.");
            position = File.ReadLines(log).Count();
            changedByHand.Add(BuildAndPushByHand(sample, [$"{sample.Image}:by-hand-{run}"]));
            uploadByHand = Upload.Larger(uploadByHand, Upload.Read(log, position, Manifest(sample.Registry, $"by-hand-{run}")));
            Change(sample, $"Change {run} for the same image by hand.");
            changedSameImage.Add(BuildAndPushByHand(sample, SameImageTags(sample, "hello-service", $"by-hand-{run}"), labels));
        }

        // Cold, each run a service new to the registry and to the engine's build cache, in turn in a process of its
        // own, on the build server and native; by hand, every step built again (--no-cache), pushed to a new one.
        var (cold, coldOnServer, coldNative, coldByHand, coldSameImage) = (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (var run = 1; run <= runs; run++)
        {
            NewService(sample, $"hello-service-cold-{run}");
            cold.Add(GoldenPath(sample, built).ThrowIfFailed("DockerBuild Push (cold)").Wall.TotalSeconds);
            NewService(sample, $"hello-service-cold-server-{run}");
            coldOnServer.Add(GoldenPathOnServer(sample, built).ThrowIfFailed("DockerBuild Push (cold, on the build server)").Wall.TotalSeconds);
            NewService(sample, $"hello-service-cold-native-{run}");
            coldNative.Add(GoldenPathNative(sample, built).ThrowIfFailed("DockerBuild Push (cold, native)").Wall.TotalSeconds);
            coldByHand.Add(BuildAndPushByHand(sample, [$"{sample.Registry}/platform/hello-service-by-hand-cold-{run}:cold"], "--no-cache"));
            coldSameImage.Add(BuildAndPushByHand(sample, SameImageTags(sample, $"hello-service-same-image-cold-{run}", "cold"), ["--no-cache", .. labels]));
        }

        var golden = ProcessMeasurement.WallSeconds(warm);
        var goldenOnServer = ProcessMeasurement.WallSeconds(warmOnServer);
        var goldenNative = ProcessMeasurement.WallSeconds(warmNative);
        var goldenTargets = new Samples(warmTargets);
        var manual = new Samples(byHand);
        var manualSameImage = new Samples(sameImage);
        var least = ProcessMeasurement.WallSeconds(floor);
        var labelCount = labels.Length / 2;
        return
        [
            Figure.Measured("image.cold", new Samples(cold), "s", atMost: null,
                $"DockerBuild + Push of a service new to the registry, built after docker builder prune --all (base image present, Publish done before), in a process of its own as in CI; median of {runs}, interleaved"),
            Figure.Measured("image.cold.by-hand", new Samples(coldByHand), "s", atMost: null,
                $"docker build --no-cache + docker push (one tag, no labels) into a repository new to the registry, on the same engine; median of {runs}, interleaved"),
            Figure.Measured("image.cold-vs-by-hand", Math.Round(Median(cold) / Median(coldByHand), 3), "ratio", atMost: 1.1,
                "median cold DockerBuild + Push ÷ median docker build --no-cache + docker push by hand (issue #4 goal ≤ 1.1)"),
            Figure.Measured("image.cold.same-image-by-hand", new Samples(coldSameImage), "s", atMost: null,
                $"the image the golden path makes, by hand: docker build --no-cache with its {labelCount} labels as --label and its two tags, then docker push of each tag, into a new repository; median of {runs}, interleaved"),
            Figure.Measured("image.cold-vs-same-image-by-hand", Math.Round(Median(cold) / Median(coldSameImage), 3), "ratio", atMost: 1.1,
                "median cold DockerBuild + Push ÷ median of the same image by hand"),
            Figure.Measured("image.cold.server", new Samples(coldOnServer), "s", atMost: null,
                $"the same cold DockerBuild + Push on the build server an earlier run started, as at a developer's terminal; median of {runs}, interleaved"),
            Figure.Measured("image.cold.server-vs-by-hand", Math.Round(Median(coldOnServer) / Median(coldByHand), 3), "ratio", atMost: 1.1,
                "median cold DockerBuild + Push on the build server ÷ median docker build --no-cache + docker push by hand (issue #4 goal ≤ 1.1)"),
            Figure.Measured("image.cold.server-vs-same-image-by-hand", Math.Round(Median(coldOnServer) / Median(coldSameImage), 3), "ratio", atMost: 1.1,
                "median cold DockerBuild + Push on the build server ÷ median of the same image by hand"),
            Figure.Measured("image.cold.native", new Samples(coldNative), "s", atMost: null,
                $"the same cold DockerBuild + Push with the build compiled natively (IDP_BUILD_NATIVE=on), in a process of its own as in CI; median of {runs}, interleaved"),
            Figure.Measured("image.cold.native-vs-by-hand", Math.Round(Median(coldNative) / Median(coldByHand), 3), "ratio", atMost: 1.1,
                "median cold DockerBuild + Push of the native build ÷ median docker build --no-cache + docker push by hand (issue #4 goal ≤ 1.1)"),
            Figure.Measured("image.cold.native-vs-same-image-by-hand", Math.Round(Median(coldNative) / Median(coldSameImage), 3), "ratio", atMost: 1.1,
                "median cold DockerBuild + Push of the native build ÷ median of the same image by hand"),
            Figure.Measured("image.warm", golden, "s", atMost: null, $"DockerBuild + Push with nothing changed (build cache, push 'already present'), in a process of its own as in CI (no build server); median of {runs}"),
            Figure.Measured("image.by-hand", manual, "s", atMost: null, $"docker build + docker push (one tag, no labels) of the same context on the same engine; median of {runs}, interleaved"),
            Figure.Measured("image.warm-vs-by-hand", Math.Round(golden.Median / manual.Median, 3), "ratio", atMost: 1.1, "median warm golden path ÷ median by hand (issue #4 goal ≤ 1.1)"),
            Figure.Measured("image.same-image-by-hand", manualSameImage, "s", atMost: null,
                $"the image the golden path makes, by hand, with nothing changed: docker build with its labels and two tags, docker push of each; median of {runs}, interleaved"),
            Figure.Measured("image.warm-vs-same-image-by-hand", Math.Round(golden.Median / manualSameImage.Median, 3), "ratio", atMost: 1.1,
                "median warm golden path ÷ median of the same image by hand"),
            Figure.Measured("image.warm.server", goldenOnServer, "s", atMost: null,
                $"DockerBuild + Push with nothing changed, as at a developer's terminal: on the build server (docs/engine/build-server.md), started by an earlier run; median of {runs}, interleaved"),
            Figure.Measured("image.warm.server-vs-by-hand", Math.Round(goldenOnServer.Median / manual.Median, 3), "ratio", atMost: 1.1,
                "median warm golden path on the build server ÷ median by hand (issue #4 goal ≤ 1.1)"),
            Figure.Measured("image.warm.server-vs-same-image-by-hand", Math.Round(goldenOnServer.Median / manualSameImage.Median, 3), "ratio", atMost: 1.1,
                "median warm golden path on the build server ÷ median of the same image by hand"),
            Figure.Measured("image.native.compile", nativeCompile.Wall.TotalSeconds, "s", atMost: null,
                "the one-off Native AOT compile of the sample's build by build.sh (IDP_BUILD_NATIVE=on), repeated only when the build's sources change; in no ratio"),
            Figure.Measured("image.warm.native", goldenNative, "s", atMost: null,
                $"DockerBuild + Push with nothing changed, the build compiled natively (IDP_BUILD_NATIVE=on; docs/engine/native-build.md), in a process of its own as in CI; median of {runs}, interleaved"),
            Figure.Measured("image.warm.native-vs-by-hand", Math.Round(goldenNative.Median / manual.Median, 3), "ratio", atMost: 1.1,
                "median warm golden path, native, ÷ median by hand (issue #4 goal ≤ 1.1)"),
            Figure.Measured("image.warm.native-vs-same-image-by-hand", Math.Round(goldenNative.Median / manualSameImage.Median, 3), "ratio", atMost: 1.1,
                "median warm golden path, native, ÷ median of the same image by hand"),
            Figure.Measured("image.warm.floor", least, "s", atMost: null,
                $"a .NET program ({floorProgram.CompiledAs}) that only starts and sends one request to the engine and one to the registry: " +
                $"the least any warm DockerBuild + Push written in .NET costs; median of {runs}, interleaved"),
            Figure.Measured("image.warm.floor-vs-by-hand", Math.Round(least.Median / manual.Median, 3), "ratio", atMost: null,
                "median floor ÷ median by hand: above 1.1, no .NET build meets the warm goal against the plain commands"),
            Figure.Measured("image.warm.floor-vs-same-image-by-hand", Math.Round(least.Median / manualSameImage.Median, 3), "ratio", atMost: null,
                "median floor ÷ median of the same image by hand"),
            Figure.Measured("image.warm.targets", goldenTargets, "s", atMost: null,
                $"the DockerBuild and Push targets alone in the warm runs (their durations in .nuke/temp/run.json: no process start, argument parsing or git reads); median of {runs}"),
            Figure.Measured("image.warm.targets-vs-by-hand", Math.Round(goldenTargets.Median / manual.Median, 3), "ratio", atMost: null,
                "median warm DockerBuild + Push target time ÷ median by hand: what the image work costs once the build is running, as in a golden-path run that does more than the image"),
            Figure.Measured("image.code-change", new Samples(changed), "s", atMost: null, $"DockerBuild + Push after a one-line code change (Publish done before), in a process of its own as in CI; median of {runs}"),
            Figure.Measured("image.code-change.server", new Samples(changedOnServer), "s", atMost: null,
                $"DockerBuild + Push after a one-line code change, on the build server as at a developer's terminal; median of {runs}, interleaved"),
            Figure.Measured("image.code-change.server-vs-by-hand", Math.Round(Median(changedOnServer) / Median(changedByHand), 3), "ratio", atMost: 1.1,
                "median DockerBuild + Push on the build server ÷ median docker build + docker push, each after a one-line change (issue #4 goal ≤ 1.1)"),
            Figure.Measured("image.code-change.server-vs-same-image-by-hand", Math.Round(Median(changedOnServer) / Median(changedSameImage), 3), "ratio", atMost: 1.1,
                "median DockerBuild + Push on the build server ÷ median of the same image by hand, each after a one-line change"),
            Figure.Measured("image.code-change.native", new Samples(changedNative), "s", atMost: null,
                $"DockerBuild + Push after a one-line code change, the build compiled natively, in a process of its own as in CI; median of {runs}, interleaved"),
            Figure.Measured("image.code-change.native-vs-by-hand", Math.Round(Median(changedNative) / Median(changedByHand), 3), "ratio", atMost: 1.1,
                "median DockerBuild + Push of the native build ÷ median docker build + docker push, each after a one-line change (issue #4 goal ≤ 1.1)"),
            Figure.Measured("image.code-change.native-vs-same-image-by-hand", Math.Round(Median(changedNative) / Median(changedSameImage), 3), "ratio", atMost: 1.1,
                "median DockerBuild + Push of the native build ÷ median of the same image by hand, each after a one-line change"),
            Figure.Measured("image.code-change.targets", new Samples(changedTargets), "s", atMost: null, $"the DockerBuild and Push targets alone after the change (from .nuke/temp/run.json); median of {runs}"),
            Figure.Measured("image.code-change.docker-build", new Samples(changedBuild), "s", atMost: null, $"the DockerBuild target alone after the change; median of {runs}"),
            Figure.Measured("image.code-change.push", new Samples(changedPush), "s", atMost: null, $"the Push target alone after the change (both tags); median of {runs}"),
            Figure.Measured("image.code-change.by-hand", new Samples(changedByHand), "s", atMost: null,
                $"docker build + docker push (one tag, no labels) after a one-line change of their own (Publish done before); median of {runs}, interleaved"),
            Figure.Measured("image.code-change-vs-by-hand", Math.Round(Median(changed) / Median(changedByHand), 3), "ratio", atMost: 1.1,
                "median DockerBuild + Push ÷ median docker build + docker push, each after a one-line change (issue #4 goal ≤ 1.1)"),
            Figure.Measured("image.code-change.same-image-by-hand", new Samples(changedSameImage), "s", atMost: null,
                $"the image the golden path makes, by hand, after a one-line change of its own: docker build with its {labelCount} labels as --label and its two tags, docker push of each; median of {runs}, interleaved"),
            Figure.Measured("image.code-change-vs-same-image-by-hand", Math.Round(Median(changed) / Median(changedSameImage), 3), "ratio", atMost: 1.1,
                "median DockerBuild + Push ÷ median of the same image by hand, each after a one-line change"),
            Figure.Measured("image.code-change.targets-vs-by-hand", Math.Round(Median(changedTargets) / Median(changedByHand), 3), "ratio", atMost: null,
                "median DockerBuild + Push target time ÷ median docker build + docker push, each after a one-line change"),
            Figure.Measured("image.code-change.uploaded-bytes", upload!.Bytes, "B", atMost: null,
                $"bytes of the blobs the push uploaded ({upload.Blobs} blobs: app layer and image config), from the registry's access log; the run of {runs} with the highest upload ratio"),
            Figure.Measured("image.code-change.app-layer-bytes", upload.AppLayer, "B", atMost: null, "compressed size of the app layer in the pushed manifest, same run"),
            Figure.Measured("image.code-change.config-bytes", upload.Config, "B", atMost: null, "size of the image config the push uploaded with the app layer, same run"),
            Figure.Measured("image.code-change.upload-ratio", upload.Ratio, "ratio", atMost: 1.05,
                $"uploaded bytes ÷ app layer bytes (issue #4 goal ≤ 1.05). The new image config ({upload.Config} B) must be uploaded with any change; against the sample's tiny app layer it weighs more than 5 %"),
            Figure.Measured("image.code-change.layer-upload-ratio", upload.LayerRatio, "ratio", atMost: 1.05,
                "uploaded layer bytes ÷ app layer bytes: 1.0 when no base layer is uploaded again"),
            Figure.Measured("image.code-change.by-hand.upload-ratio", uploadByHand!.Ratio, "ratio", atMost: null,
                $"the same for docker push by hand after a change of its own: {uploadByHand.Bytes} B uploaded ({uploadByHand.Blobs} blobs, config {uploadByHand.Config} B) for a {uploadByHand.AppLayer} B app layer; the run of {runs} with the highest ratio"),
        ];
    }

    private static double Median(List<double> values) => new Samples(values).Median;

    // A one-line code change, committed, and the service published again (not measured).
    private static void Change(SampleWorkspace sample, string comment)
    {
        SampleWorkspace.ChangeOneLine(sample.Directory, comment);
        sample.Build("Publish", "--skip", "LocalPlatform").ThrowIfFailed($"Publish after '{comment}'");
    }

    // A service the registry has not seen (the image's repository renamed in idp.yaml, with a one-line code change) on
    // an engine whose BuildKit cache is empty, so that its first build resolves the base image and runs every step.
    private static void NewService(SampleWorkspace sample, string repository)
    {
        var descriptor = sample.Directory / "idp.yaml";
        File.WriteAllText(descriptor, RepositoryLine().Replace(File.ReadAllText(descriptor), $"${{indent}}repository: platform/{repository}", 1));
        Change(sample, $"Change for the cold run of {repository}.");
        sample.Docker(sample.Directory, "builder", "prune", "--all", "--force").ThrowIfFailed("docker builder prune");
    }

    private static ProcessMeasurement GoldenPath(SampleWorkspace sample, string[] skipped)
    {
        Settle();
        return sample.Build(["DockerBuild", "Push", .. skipped]);
    }

    private static ProcessMeasurement GoldenPathNative(SampleWorkspace sample, string[] skipped)
    {
        Settle();
        return sample.BuildNative(["DockerBuild", "Push", .. skipped]);
    }

    private static ProcessMeasurement GoldenPathOnServer(SampleWorkspace sample, string[] skipped)
    {
        Settle();
        return sample.BuildOnServer(["DockerBuild", "Push", .. skipped]);
    }

    private static double BuildAndPushByHand(SampleWorkspace sample, string[] tags, params string[] buildOptions)
    {
        Settle();
        return sample.Docker(sample.Directory, ["build", .. buildOptions, .. tags.SelectMany(t => new[] { "-t", t }), "--build-arg", $"BASE_IMAGE={sample.BaseImage}", "."]).ThrowIfFailed("docker build").Wall.TotalSeconds
            + tags.Sum(tag => sample.Docker(sample.Directory, "push", tag).ThrowIfFailed("docker push").Wall.TotalSeconds);
    }

    // Every measured run starts on a quiet machine: the engine deletes the classic builder's intermediate containers
    // after a build returns, and the page cache holds what Publish and the last push wrote; either would otherwise land
    // in the next run's time, whichever side that is.
    private static void Settle()
    {
        MeasuredProcess.Run("/", "sync").ThrowIfFailed("sync");
        Thread.Sleep(TimeSpan.FromSeconds(1));
    }

    // The two tags the golden path pushes, made distinct for a by-hand run: the commit SHA and the version.
    private static string[] SameImageTags(SampleWorkspace sample, string repository, string suffix) =>
        [$"{sample.Registry}/platform/{repository}:{sample.Git("rev-parse", "HEAD")}-{suffix}", $"{sample.Registry}/platform/{repository}:v-{suffix}"];

    // The labels the golden path sets, as docker build options: the image's labels less those it inherits unchanged
    // from the base image.
    private static string[] OwnLabels(SampleWorkspace sample, string image)
    {
        Dictionary<string, string> Labels(string reference) => JsonDocument.Parse(sample.Docker(sample.Directory, "image", "inspect", "--format", "{{json .Config.Labels}}", reference)
            .ThrowIfFailed("docker image inspect").Output).RootElement.EnumerateObject().ToDictionary(l => l.Name, l => l.Value.GetString() ?? "");
        var inherited = Labels(sample.BaseImage);
        return Labels(image).Where(l => !inherited.TryGetValue(l.Key, out var value) || value != l.Value)
            .SelectMany(l => new[] { "--label", $"{l.Key}={l.Value}" }).ToArray();
    }

    private static (List<(string Digest, long Size)> Layers, (string Digest, long Size) Config) Manifest(string registry, string tag)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{registry}/v2/platform/hello-service/manifests/{tag}"));
        request.Headers.Accept.ParseAdd("application/vnd.docker.distribution.manifest.v2+json");
        request.Headers.Accept.ParseAdd("application/vnd.oci.image.manifest.v1+json");
        using var response = http.Send(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(response.Content.ReadAsStream());
        static (string, long) Blob(JsonElement e) => (e.GetProperty("digest").GetString()!, e.GetProperty("size").GetInt64());
        return (json.RootElement.GetProperty("layers").EnumerateArray().Select(Blob).ToList(), Blob(json.RootElement.GetProperty("config")));
    }

    [GeneratedRegex(@"^(?<indent>[ \t]+)repository: \S+$", RegexOptions.Multiline)]
    private static partial Regex RepositoryLine();
}
