using System.Text.Json;
using System.Text.RegularExpressions;
using Idp.Build.Tools;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>
/// DockerBuild + Push of the sample service on the local platform (its own registry on a free port): cold (first
/// image of the service in a fresh registry; the base image is built before and not measured) and warm (nothing
/// changed), against <c>docker build</c> + <c>docker push</c> by hand on the same engine, interleaved run by run;
/// then a one-line code change, with the bytes the push uploaded against the size of the app layer. Works on a copy
/// of the sample in its own git repository, and stops the daemons it started.
/// </summary>
static partial class ImageBenchmark
{
    public static IReadOnlyList<Figure> Measure(AbsolutePath repositoryRoot, int runs)
    {
        using var sample = SampleWorkspace.Create(repositoryRoot, "image-benchmark");
        string[] built = ["--skip", "LocalPlatform", "Restore", "Compile", "Publish"];
        sample.Build("LocalPlatform", "BaseImage", "Publish").ThrowIfFailed("LocalPlatform BaseImage Publish");

        var cold = sample.Build(["DockerBuild", "Push", .. built]).ThrowIfFailed("DockerBuild Push (cold)");
        // The same cold work by hand: every step built again, pushed into a repository the registry has not seen.
        var coldByHand = BuildAndPushByHand(sample, $"{sample.Registry}/platform/hello-service-by-hand:cold", "--no-cache");
        var warm = new List<ProcessMeasurement>();
        var warmTargets = new List<double>();
        var byHand = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            warm.Add(sample.Build(["DockerBuild", "Push", .. built]).ThrowIfFailed("DockerBuild Push (warm)"));
            warmTargets.Add(sample.TargetSeconds("DockerBuild", "Push"));
            byHand.Add(BuildAndPushByHand(sample, $"{sample.Image}:by-hand"));
        }

        SampleWorkspace.ChangeOneLine(sample.Directory, "One line changed for the image benchmark.");
        sample.Build("Publish", "--skip", "LocalPlatform").ThrowIfFailed("Publish after the change");
        var log = sample.Platform / "registry" / "registry.log";
        var position = File.ReadLines(log).Count();
        var changed = sample.Build(["DockerBuild", "Push", .. built]).ThrowIfFailed("DockerBuild Push (code change)");
        var changedTargets = sample.TargetSeconds("DockerBuild", "Push");
        var uploaded = File.ReadLines(log).Skip(position).Select(l => CompletedUpload().Match(l)).Where(m => m.Success).Select(m => "sha256:" + m.Groups["hex"].Value).ToHashSet();
        var (layers, config) = Manifest(sample.Registry, sample.Git("rev-parse", "HEAD"));
        var appLayer = layers[^1];
        var uploadedBytes = layers.Append(config).Where(b => uploaded.Contains(b.Digest)).Sum(b => b.Size);

        // The same kind of change once more, built and pushed by hand, for a side-by-side figure of the realistic warm case.
        SampleWorkspace.ChangeOneLine(sample.Directory, "A second line changed, for the by-hand build.");
        sample.Build("Publish", "--skip", "LocalPlatform").ThrowIfFailed("Publish after the second change");
        var changedByHand = BuildAndPushByHand(sample, $"{sample.Image}:by-hand-2");

        // And once more by hand with the labels the golden path puts on every image, passed as docker build does: --label.
        var labels = JsonDocument.Parse(sample.Docker(sample.Directory, "image", "inspect", "--format", "{{json .Config.Labels}}", $"{sample.Image}:{sample.Git("rev-parse", "HEAD~1")}")
            .ThrowIfFailed("docker image inspect").Output).RootElement.EnumerateObject().SelectMany(l => new[] { "--label", $"{l.Name}={l.Value.GetString()}" }).ToArray();
        SampleWorkspace.ChangeOneLine(sample.Directory, "A third line changed, for the by-hand build with labels.");
        sample.Build("Publish", "--skip", "LocalPlatform").ThrowIfFailed("Publish after the third change");
        var labelledByHand = BuildAndPushByHand(sample, $"{sample.Image}:by-hand-3", labels);

        var golden = ProcessMeasurement.WallSeconds(warm);
        var goldenTargets = new Samples(warmTargets);
        var manual = new Samples(byHand);
        return
        [
            Figure.Measured("image.cold", cold.Wall.TotalSeconds, "s", atMost: null,
                "DockerBuild + Push of the sample into a fresh registry (base image present, engine reused if one ran); Publish done before"),
            Figure.Measured("image.cold.by-hand", coldByHand, "s", atMost: null,
                "docker build --no-cache + docker push into a repository new to the registry, on the same engine, right after the cold golden path"),
            Figure.Measured("image.cold-vs-by-hand", Math.Round(cold.Wall.TotalSeconds / coldByHand, 3), "ratio", atMost: 1.1,
                "cold DockerBuild + Push ÷ the same cold work by hand (one run each; issue #4 goal ≤ 1.1)"),
            Figure.Measured("image.warm", golden, "s", atMost: null, $"DockerBuild + Push with nothing changed (build cache, push 'already present'); median of {runs}"),
            Figure.Measured("image.by-hand", manual, "s", atMost: null, $"docker build + docker push of the same context on the same engine; median of {runs}, interleaved"),
            Figure.Measured("image.warm-vs-by-hand", Math.Round(golden.Median / manual.Median, 3), "ratio", atMost: 1.1, "median warm golden path ÷ median by hand (issue #4 goal ≤ 1.1)"),
            Figure.Measured("image.warm.targets", goldenTargets, "s", atMost: null,
                $"the DockerBuild and Push targets alone in the warm runs (their durations in .nuke/temp/run.json: no process start, argument parsing or git reads); median of {runs}"),
            Figure.Measured("image.warm.targets-vs-by-hand", Math.Round(goldenTargets.Median / manual.Median, 3), "ratio", atMost: null,
                "median warm DockerBuild + Push target time ÷ median by hand: what the image work costs once the build is running, as in a golden-path run that does more than the image"),
            Figure.Measured("image.code-change", changed.Wall.TotalSeconds, "s", atMost: null, "DockerBuild + Push after a one-line code change (Publish done before)"),
            Figure.Measured("image.code-change.targets", changedTargets, "s", atMost: null, "the DockerBuild and Push targets alone after the one-line change (from .nuke/temp/run.json)"),
            Figure.Measured("image.code-change.by-hand", changedByHand, "s", atMost: null, "docker build + docker push after another one-line change (Publish done before)"),
            Figure.Measured("image.code-change-vs-by-hand", Math.Round(changed.Wall.TotalSeconds / changedByHand, 3), "ratio", atMost: 1.1,
                "DockerBuild + Push ÷ docker build + docker push, each after a one-line change (one run each)"),
            Figure.Measured("image.code-change.by-hand-labelled", labelledByHand, "s", atMost: null,
                $"docker build with the golden path's {labels.Length / 2} labels as --label options + docker push, after a third one-line change: the same image content by hand"),
            Figure.Measured("image.code-change-vs-by-hand-labelled", Math.Round(changed.Wall.TotalSeconds / labelledByHand, 3), "ratio", atMost: null,
                "DockerBuild + Push ÷ the labelled build and push by hand, each after a one-line change (one run each)"),
            Figure.Measured("image.code-change.targets-vs-by-hand", Math.Round(changedTargets / changedByHand, 3), "ratio", atMost: null,
                "DockerBuild + Push target time ÷ docker build + docker push, each after a one-line change (one run each)"),
            Figure.Measured("image.code-change.uploaded-bytes", uploadedBytes, "B", atMost: null,
                $"bytes of the blobs the push uploaded ({uploaded.Count} blobs: app layer and image config), from the registry's access log"),
            Figure.Measured("image.code-change.app-layer-bytes", appLayer.Size, "B", atMost: null, "compressed size of the app layer in the pushed manifest"),
            Figure.Measured("image.code-change.upload-ratio", Math.Round((double)uploadedBytes / appLayer.Size, 3), "ratio", atMost: 1.05,
                $"uploaded bytes ÷ app layer bytes (issue #4 goal ≤ 1.05). The new image config ({config.Size} B) must be uploaded with any change; against the sample's tiny app layer it weighs more than 5 %"),
            Figure.Measured("image.code-change.layer-upload-ratio", Math.Round((double)layers.Where(l => uploaded.Contains(l.Digest)).Sum(l => l.Size) / appLayer.Size, 3), "ratio", atMost: 1.05,
                "uploaded layer bytes ÷ app layer bytes: 1.0 when no base layer is uploaded again"),
        ];
    }

    private static double BuildAndPushByHand(SampleWorkspace sample, string image, params string[] buildOptions) =>
        sample.Docker(sample.Directory, ["build", .. buildOptions, "-t", image, "--build-arg", $"BASE_IMAGE={sample.BaseImage}", "."]).ThrowIfFailed("docker build").Wall.TotalSeconds
        + sample.Docker(sample.Directory, "push", image).ThrowIfFailed("docker push").Wall.TotalSeconds;

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

    [GeneratedRegex("\"PUT /v2/\\S+/blobs/uploads/\\S*digest=sha256%3A(?<hex>[0-9a-f]{64})\\S* HTTP/[\\d.]+\" 201")]
    private static partial Regex CompletedUpload();
}
