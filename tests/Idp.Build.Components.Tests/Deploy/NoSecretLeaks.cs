using System.Formats.Tar;
using System.Text;
using Idp.Build.Components.Platform;
using Idp.Build.Components.Tests.Image;
using Idp.Testing;

namespace Idp.Build.Components.Tests.Deploy;

/// <summary>
/// The whole golden path with canary secrets — the registry password and a runtime secret from the local secrets
/// file — leaves no byte of either in the output, in artifacts/ or .nuke/temp/, or in the image's layers.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class NoSecretLeaks(ImagePipeline pipeline)
{
    private const string RuntimeCanary = "canary-runtime-secret-5be2a9";

    [Fact]
    public async Task No_canary_in_output_files_or_image_layers()
    {
        pipeline.FirstPush.ExitCode.ShouldBe(0, pipeline.FirstPush.StandardOutput);
        var descriptor = pipeline.Sample.Root / "idp.yaml";
        var original = File.ReadAllText(descriptor);
        pipeline.Sample.Write(".idp/local-secrets.env", $"HELLO_API_KEY={RuntimeCanary}\n");
        File.WriteAllText(descriptor, original.Replace("  local:\n    replicas: 1\n", "  local:\n    replicas: 1\n    secretsFile: .idp/local-secrets.env\n", StringComparison.Ordinal));
        try
        {
            var result = pipeline.Run("Compile", "Test", "SonarGate", "Push", "Deploy", "--skip", "LocalPlatform", "BaseImage",
                "--local-port", LocalPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture), "--dora-endpoint", "http://127.0.0.1:9/");

            result.ExitCode.ShouldBe(0, result.StandardOutput);
            string[] canaries = [pipeline.Registry.Password, RuntimeCanary];
            foreach (var canary in canaries)
            {
                (result.StandardOutput + result.StandardError).ShouldNotContain(canary);
                foreach (var file in Files(pipeline.Sample.Artifacts).Concat(Files(pipeline.Sample.Root / ".nuke" / "temp")))
                    File.ReadAllBytes(file).AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)).ShouldBe(-1, file);
            }
            using var docker = DockerEngine.Connect(pipeline.Engine.Endpoint);
            await using var saved = await docker.Images.SaveImageAsync($"{pipeline.Repository}:{pipeline.Git("rev-parse", "HEAD")}", CancellationToken.None);
            using var image = new MemoryStream();
            await saved.CopyToAsync(image);
            image.Position = 0;
            var entries = TarEntries(image);
            entries.ShouldContain(e => e.Name.EndsWith("HelloService.dll", StringComparison.Ordinal));
            foreach (var (name, bytes) in entries)
            {
                foreach (var canary in canaries)
                    bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)).ShouldBe(-1, name);
            }
        }
        finally
        {
            File.WriteAllText(descriptor, original);
            File.Delete(pipeline.Sample.Root / ".idp" / "local-secrets.env");
        }
    }

    private static IEnumerable<string> Files(AbsolutePath directory) =>
        Directory.Exists(directory) ? Directory.GetFiles(directory, "*", SearchOption.AllDirectories) : [];

    // docker save: a tar of layer tars; every layer is read in full, nested tars included.
    private static List<(string Name, byte[] Bytes)> TarEntries(Stream stream)
    {
        var entries = new List<(string, byte[])>();
        using var reader = new TarReader(stream);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null)
                continue;
            using var buffer = new MemoryStream();
            entry.DataStream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            if (entry.Name.EndsWith(".tar", StringComparison.Ordinal))
                entries.AddRange(TarEntries(new MemoryStream(bytes)).Select(e => ($"{entry.Name}/{e.Name}", e.Bytes)));
            else
                entries.Add((entry.Name, bytes));
        }
        return entries;
    }
}
