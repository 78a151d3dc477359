using Docker.DotNet;
using Docker.DotNet.Models;
using Idp.Build.Components.Platform;

namespace Idp.Build.Components.Image;

/// <summary>Sends a build context to the engine and fails when the engine's stream reports an error.</summary>
public static class ImageBuilder
{
    /// <summary>
    /// Writes the context with <paramref name="writeContext"/> to a temporary tar, builds it on <paramref name="engine"/>
    /// with <paramref name="builder"/>, and returns the progress read (image ID, steps); a
    /// <see cref="TargetFailedException"/> naming the failing step and message when the build failed.
    /// </summary>
    /// <remarks>
    /// The tar goes to the system's temp folder, never under the repository: a context directory that is the
    /// repository root would otherwise contain the tar being written.
    /// </remarks>
    public static async Task<BuildProgress> BuildAsync(
        Uri engine, DockerBuilder builder, ImageBuildParameters parameters, Action<Stream> writeContext, string what, BuildLog log)
    {
        var progress = new BuildProgress(log);
        var tar = AbsolutePath.Create(Path.GetTempPath()) / $"idp-docker-context-{Guid.NewGuid():N}.tar";
        using var docker = DockerEngine.Connect(engine, builder);
        // BuildKit runs RUN steps on the engine's bridge network, which the local platform's engine does not have (it
        // runs everything with --network host); the classic builder needs none for them. Asked while the tar is written.
        var bridgeCheck = builder == DockerBuilder.BuildKit && parameters.NetworkMode is null ? HasBridgeNetworkAsync(docker) : null;
        await using (var context = new FileStream(tar, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose))
        {
            writeContext(context);
            log.Information($"Build context for {what}: {context.Length / 1024} KiB ({(builder == DockerBuilder.BuildKit ? "BuildKit" : "classic builder")})");
            context.Position = 0;
            try
            {
                if (bridgeCheck is not null && !await bridgeCheck)
                    parameters.NetworkMode = "host";
                // The overload with IProgress<JSONMessage> cannot read BuildKit's messages (their aux is a string, not an
                // object) and stalls on them; the raw stream is read here instead.
#pragma warning disable CS0618 // Obsolete in favour of the IProgress overload, which is the one that fails with BuildKit.
                await using var stream = await docker.Images.BuildImageFromDockerfileAsync(context, parameters, CancellationToken.None);
#pragma warning restore CS0618
                await progress.ReadAsync(stream);
            }
            catch (DockerApiException e) when (builder == DockerBuilder.BuildKit && (int)e.StatusCode is >= 400 and < 500)
            {
                throw new TargetFailedException(
                    $"The engine at {engine} refused the BuildKit build of {what} ({(int)e.StatusCode}: {e.ResponseBody.Trim()}). " +
                    "If it has no BuildKit (Windows containers, a Docker-compatible API without it), pass --docker-builder classic.");
            }
        }
        if (progress.Error is { } error)
        {
            throw new TargetFailedException(
                $"docker build of {what} failed{(progress.Step is { } step ? $" at {step}" : "")}:\n  {error}");
        }
        return progress;
    }

    private static async Task<bool> HasBridgeNetworkAsync(DockerClient docker)
    {
        try
        {
            await docker.Networks.InspectNetworkAsync("bridge");
            return true;
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
