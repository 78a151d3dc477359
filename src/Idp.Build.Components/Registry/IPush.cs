using Idp.Build;
using Idp.Build.Components.Image;

namespace Idp.Build.Components.Registry;

/// <summary>
/// <c>Push</c>: pushes the image <c>DockerBuild</c> made to the registry (Nexus docker-hosted, or the local platform's)
/// and records the manifest digest in <c>artifacts/image.json</c> and <c>artifacts/image.env</c> (<c>IMAGE_DIGEST=…</c>).
/// Skips the upload when the tag already names that image in the registry (its manifest names the built config).
/// See <see cref="ImagePusher"/> for why the engine pushes.
/// </summary>
public interface IPush : IDockerBuild, IHazRegistryCredentials
{
    [Parameter("The digest of an image pushed earlier, e.g. IMAGE_DIGEST from the image job's dotenv report: Deploy promotes that image, and nothing is built or pushed again")]
    string? ImageDigest => TryGetValue(() => ImageDigest);

    /// <summary>False when <see cref="ImageDigest"/> names the image to promote: then Push, and what only it needs, is skipped.</summary>
    bool BuildsNewImage => ImageDigest is null;

    /// <summary>
    /// The image downstream targets use, by digest: the one <see cref="ImageDigest"/> names (checked against
    /// <c>artifacts/image.json</c> when that is present), else the one Push recorded.
    /// </summary>
    PushResult PushedImage => ImageDigest is { } digest ? PromotedImage.Of(digest, ImageRepository, ImageTags[0], ArtifactsDirectory) : PushResult.ReadFrom(ArtifactsDirectory);

    Target Push => _ => _
        .Description("Pushes the image and writes its digest to artifacts/image.json and artifacts/image.env")
        .Requires(() => ServiceDescriptor)
        .DependsOn(DockerBuild)
        .OnlyWhenStatic(() => BuildsNewImage)
        .Executes(async () =>
        {
            var host = RegistryHost.Of(UsesLocalRegistry ? Registry : RegistryAddress!);
            var credentials = RegistryCredentials;
            using var registry = new RegistryClient(host, credentials) { Retried = Log.Warning };
            using var docker = CreateDockerClient();
            var pusher = new ImagePusher(docker, registry, host, credentials, Log);
            PushResult first;
            try
            {
                // The SHA tag is the first: the one pushed and the one the record names. The others name the same manifest.
                first = await pusher.PushAsync(ServiceDescriptor.Image.Repository, ImageTags[0], BuiltImageId);
                foreach (var tag in ImageTags.Skip(1))
                    await pusher.TagAsync(ServiceDescriptor.Image.Repository, tag, first);
            }
            catch (RegistryException e)
            {
                throw new TargetFailedException(e.Message);
            }
            first.WriteTo(ArtifactsDirectory);
            Log.Information($"Pushed {first.Reference}");
            ReportSummary($"{first.Digest}{(first.AlreadyPresent ? " (already present)" : "")}");
        });
}
