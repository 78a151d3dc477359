using System.Text.Json;
using Idp.Build.Components.Registry;

namespace Idp.Build.Components.Tests.Image;

/// <summary>A code-only change rebuilds only the app layer, and the push uploads only that layer and the image config.</summary>
[Collection(DockerCollection.Name)]
public sealed class LayerReuse(ImagePipeline pipeline)
{
    [Fact]
    public async Task A_one_line_code_change_rebuilds_and_uploads_only_the_app_layer()
    {
        pipeline.FirstPush.ExitCode.ShouldBe(0, pipeline.FirstPush.StandardOutput);
        var greetings = pipeline.Sample.Root / "src" / "HelloService" / "Greetings.cs";
        File.AppendAllText(greetings, "\n// A one-line change.\n");
        pipeline.Commit("A one-line change");
        var commit = pipeline.Git("rev-parse", "HEAD");
        var logPosition = pipeline.Registry.LogPosition;

        var result = pipeline.Run("Push");

        result.ExitCode.ShouldBe(0, result.StandardOutput);
        using var registry = new RegistryClient(RegistryHost.Of(pipeline.Registry.Address), new RegistryCredentials(pipeline.Registry.Username, pipeline.Registry.Password));
        var before = Manifest((await registry.GetManifestAsync("platform/hello-service", pipeline.FirstCommit)).Body);
        var after = Manifest((await registry.GetManifestAsync("platform/hello-service", commit)).Body);
        after.Layers.Count.ShouldBe(before.Layers.Count);
        after.Layers[..^1].ShouldBe(before.Layers[..^1]);
        after.Layers[^1].ShouldNotBe(before.Layers[^1]);
        pipeline.Registry.UploadedBlobs(logPosition).Order().ShouldBe(new[] { after.Layers[^1], after.Config }.Order());
    }

    private static (string Config, List<string> Layers) Manifest(byte[] body)
    {
        var root = JsonDocument.Parse(body).RootElement;
        return (root.GetProperty("config").GetProperty("digest").GetString()!,
            root.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("digest").GetString()!).ToList());
    }
}
