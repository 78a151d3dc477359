using Docker.DotNet;
using Docker.DotNet.Models;

namespace Idp.Build.Components.Image;

/// <summary>Sends a build context to the engine and fails when the engine's stream reports an error.</summary>
public static class ImageBuilder
{
    /// <summary>
    /// Writes the context with <paramref name="writeContext"/> to a temporary tar, builds it, and returns the engine's
    /// progress (image ID, steps); a <see cref="TargetFailedException"/> naming the failing step and message when the
    /// build failed.
    /// </summary>
    /// <remarks>
    /// The tar goes to the system's temp folder, never under the repository: a context directory that is the
    /// repository root would otherwise contain the tar being written.
    /// </remarks>
    public static async Task<EngineProgress> BuildAsync(
        DockerClient docker, ImageBuildParameters parameters, Action<Stream> writeContext, string what, BuildLog log)
    {
        var progress = new EngineProgress(log);
        var tar = AbsolutePath.Create(Path.GetTempPath()) / $"idp-docker-context-{Guid.NewGuid():N}.tar";
        await using (var context = new FileStream(tar, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose))
        {
            writeContext(context);
            log.Information($"Build context for {what}: {context.Length / 1024} KiB");
            context.Position = 0;
            await docker.Images.BuildImageFromDockerfileAsync(parameters, context, [], null, progress, CancellationToken.None);
        }
        if (progress.Error is { } error)
        {
            throw new TargetFailedException(
                $"docker build of {what} failed{(progress.Step is { } step ? $" at {step}" : "")}:\n  {error}");
        }
        return progress;
    }
}
