using Docker.DotNet.Models;
using Idp.Build;
using Idp.Build.Components.Image;
using Idp.Build.Components.Registry;

namespace Idp.Build.Components.Platform;

/// <summary>
/// <c>BaseImage</c> (unlisted): builds the platform's .NET runtime base image without the internet — <c>FROM scratch</c>
/// plus this machine's ASP.NET Core runtime and the libraries it loads, a non-root user <c>app</c> (1654) and the CA
/// certificates this machine trusts — and pushes it as <c>&lt;registry&gt;/idp/dotnet-aspnet:&lt;runtime&gt;-&lt;recipe&gt;</c>
/// and <c>:&lt;major.minor&gt;</c>. A bank points <c>--runtime-base-image</c> at its Nexus-proxied image instead
/// (docs/images.md).
/// </summary>
public interface IBaseImage : ILocalPlatform, IHazRegistryCredentials
{
    [Parameter("The base image passed as build argument BASE_IMAGE (default: <registry>/idp/dotnet-aspnet:<runtime>-<recipe>, built by BaseImage)", Name = "RuntimeBaseImage")]
    string? DotNetBaseImage => TryGetValue(() => DotNetBaseImage);

    /// <summary>
    /// The base image the service's Dockerfile builds on: <c>--runtime-base-image</c>, else the platform's for this
    /// machine's runtime and recipe, by its exact tag.
    /// </summary>
    string BaseImageReference => DotNetBaseImage ?? BaseImageName.Exact(Registry, BaseImageRecipe.OfThisMachine());

    /// <summary>
    /// True when the platform's base image has to be built: no <c>--runtime-base-image</c> is given and the registry
    /// lacks the image for this exact runtime version and recipe.
    /// </summary>
    bool PlatformBaseImageMissing
    {
        get
        {
            if (DotNetBaseImage is not null)
                return false;
            var host = RegistryHost.Of(UsesLocalRegistry ? Registry : RegistryAddress!);
            using var registry = new RegistryClient(host, RegistryCredentials) { Retried = Log.Warning };
            try
            {
                var exactTag = BaseImageName.ExactTag(BaseImageRecipe.OfThisMachine());
                return registry.HeadManifestAsync(BaseImageName.Repository, exactTag).GetAwaiter().GetResult() is null;
            }
            catch (RegistryException e)
            {
                throw new TargetFailedException(e.Message);
            }
        }
    }

    Target BaseImage => _ => _
        .Description("Builds the .NET runtime base image from this machine's runtime (FROM scratch) and pushes it")
        .Unlisted()
        .DependsOn(LocalPlatform)
        .OnlyWhenDynamic(() => PlatformBaseImageMissing)
        .Executes(async () =>
        {
            var runtime = RuntimeFiles.OfThisMachine();
            var recipe = BaseImageRecipe.OfThisMachine();
            var name = BaseImageName.Exact(Registry, recipe);
            var parameters = new ImageBuildParameters
            {
                Tags = [name, BaseImageName.For(Registry)],
                Dockerfile = "Dockerfile",
                Remove = true,
                ForceRemove = true,
            };
            var built = await ImageBuilder.BuildAsync(DockerEndpoint, DockerBuilder, parameters, tar => WriteContext(tar, runtime, recipe), name, Log);
            using var docker = CreateDockerClient();

            var host = RegistryHost.Of(UsesLocalRegistry ? Registry : RegistryAddress!);
            using var registry = new RegistryClient(host, RegistryCredentials) { Retried = Log.Warning };
            try
            {
                var pusher = new ImagePusher(docker, registry, host, RegistryCredentials, Log);
                var pushed = await pusher.PushAsync(BaseImageName.Repository, BaseImageName.ExactTag(recipe), built.ImageId);
                await pusher.TagAsync(BaseImageName.Repository, BaseImageName.Tag, pushed);
                ReportSummary($"{name} ({runtime.Files.Count} files, {pushed.Digest})");
            }
            catch (RegistryException e)
            {
                throw new TargetFailedException(e.Message);
            }
        });

    private static void WriteContext(Stream tar, RuntimeFiles runtime, BaseImageRecipe recipe)
    {
        // Fixed timestamps: the same runtime gives the same layer digest, so every service shares one base layer.
        using var archive = new ContextArchive(tar, DateTimeOffset.UnixEpoch);
        foreach (var (imagePath, hostPath) in runtime.Files)
            archive.AddFile("rootfs/" + imagePath, hostPath);
        foreach (var (imagePath, text) in recipe.Files)
            archive.AddText("rootfs/" + imagePath, text);
        // Readable by the app user, whoever may read the machine's own copy (SSL_CERT_FILE may be a private file).
        if (recipe.CaBundle is not null)
            archive.AddFile("rootfs" + BaseImageRecipe.CaBundlePath, recipe.CaBundle, (UnixFileMode)0b110_100_100);
        archive.AddDirectory("rootfs/tmp", (UnixFileMode)0b1_111_111_111);
        archive.AddDirectory("rootfs/app");
        archive.AddDirectory("rootfs/home/app");
        archive.AddText("Dockerfile", recipe.Dockerfile);
    }
}
