using Docker.DotNet.Models;
using Idp.Build;
using Idp.Build.Components.Image;
using Idp.Build.Components.Registry;

namespace Idp.Build.Components.Platform;

/// <summary>
/// <c>BaseImage</c> (unlisted): builds the platform's .NET runtime base image without the internet — <c>FROM scratch</c>
/// plus this machine's ASP.NET Core runtime and the libraries it loads, a non-root user <c>app</c> (1654) and CA
/// certificates — and pushes it as <c>&lt;registry&gt;/idp/dotnet-aspnet:&lt;major.minor&gt;</c>. A bank points
/// <c>--runtime-base-image</c> at its Nexus-proxied image instead (docs/images.md).
/// </summary>
public interface IBaseImage : ILocalPlatform, IHazRegistryCredentials
{
    /// <summary>The user the image runs as: not root, and the same number as Microsoft's images use, so volume permissions carry over.</summary>
    const int AppUserId = 1654;

    [Parameter("The base image passed as build argument BASE_IMAGE (default: <registry>/idp/dotnet-aspnet:<runtime>, built by BaseImage)", Name = "RuntimeBaseImage")]
    string? DotNetBaseImage => TryGetValue(() => DotNetBaseImage);

    /// <summary>The base image the service's Dockerfile builds on: <c>--runtime-base-image</c>, else the platform's.</summary>
    string BaseImageReference => DotNetBaseImage ?? BaseImageName.For(Registry);

    /// <summary>
    /// True when the platform's base image has to be built: no <c>--runtime-base-image</c> is given and the registry
    /// lacks the image for this exact runtime version.
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
                return registry.HeadManifestAsync(BaseImageName.Repository, BaseImageName.ExactTag).GetAwaiter().GetResult() is null;
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
            var name = BaseImageName.For(Registry);
            var parameters = new ImageBuildParameters
            {
                Tags = [name, $"{Registry}/{BaseImageName.Repository}:{BaseImageName.ExactTag}"],
                Dockerfile = "Dockerfile",
                Remove = true,
                ForceRemove = true,
            };
            var built = await ImageBuilder.BuildAsync(DockerEndpoint, DockerBuilder, parameters, tar => WriteContext(tar, runtime), name, Log);
            using var docker = CreateDockerClient();

            var host = RegistryHost.Of(UsesLocalRegistry ? Registry : RegistryAddress!);
            using var registry = new RegistryClient(host, RegistryCredentials) { Retried = Log.Warning };
            try
            {
                var pusher = new ImagePusher(docker, registry, host, RegistryCredentials, Log);
                var pushed = await pusher.PushAsync(BaseImageName.Repository, BaseImageName.Tag, built.ImageId);
                await pusher.TagAsync(BaseImageName.Repository, BaseImageName.ExactTag, pushed);
                ReportSummary($"{name} ({runtime.Files.Count} files, {pushed.Digest})");
            }
            catch (RegistryException e)
            {
                throw new TargetFailedException(e.Message);
            }
        });

    private static void WriteContext(Stream tar, RuntimeFiles runtime)
    {
        // Fixed timestamps: the same runtime gives the same layer digest, so every service shares one base layer.
        using var archive = new ContextArchive(tar, DateTimeOffset.UnixEpoch);
        foreach (var (imagePath, hostPath) in runtime.Files)
            archive.AddFile("rootfs/" + imagePath, hostPath);
        if (File.Exists("/etc/ssl/certs/ca-certificates.crt"))
            archive.AddFile("rootfs/etc/ssl/certs/ca-certificates.crt", "/etc/ssl/certs/ca-certificates.crt");
        archive.AddText("rootfs/etc/passwd", $"root:x:0:0:root:/root:/sbin/nologin\napp:x:{AppUserId}:{AppUserId}:app:/home/app:/sbin/nologin\n");
        archive.AddText("rootfs/etc/group", $"root:x:0:\napp:x:{AppUserId}:\n");
        archive.AddText("rootfs/etc/nsswitch.conf", "hosts: files dns\n");
        archive.AddDirectory("rootfs/tmp", (UnixFileMode)0b1_111_111_111);
        archive.AddDirectory("rootfs/app");
        archive.AddDirectory("rootfs/home/app");
        // Every image built FROM this one inherits its labels. Title and version each service image sets anew; a
        // description would stay and call every service "the ASP.NET Core runtime".
        var labels = new Dictionary<string, string>
        {
            ["org.opencontainers.image.title"] = "idp dotnet-aspnet",
            ["org.opencontainers.image.version"] = runtime.Version,
        };
        archive.AddText("Dockerfile", LabelInstruction.AddTo(string.Join('\n',
            "FROM scratch",
            "COPY rootfs/ /",
            "ENV PATH=/usr/share/dotnet:/usr/bin:/bin \\",
            "    DOTNET_ROOT=/usr/share/dotnet \\",
            "    LD_LIBRARY_PATH=/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu:/lib/aarch64-linux-gnu:/usr/lib/aarch64-linux-gnu \\",
            "    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 \\",
            "    DOTNET_LTTng=0 \\",
            "    ASPNETCORE_HTTP_PORTS=8080 \\",
            "    SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt",
            $"USER {AppUserId}:{AppUserId}",
            "WORKDIR /app",
            ""), target: null, labels));
    }
}
