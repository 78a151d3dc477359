using System.Runtime.CompilerServices;
using Docker.DotNet.Models;
using Idp.Build;
using Idp.Build.Components.Platform;

namespace Idp.Build.Components.Image;

/// <summary>
/// <c>DockerBuild</c>: builds the service's image through the Docker engine (Docker.DotNet), from the context of
/// <c>idp.yaml</c>'s directory sent as a tar that honours <c>.dockerignore</c>; Dockerfile, target stage, build args
/// and labels from <c>idp.yaml</c>; OCI labels from the commit; tags <c>&lt;registry&gt;/&lt;repository&gt;:&lt;sha&gt;</c> and the version.
/// A build error inside the engine's stream fails the target, naming the step and the message.
/// </summary>
public interface IDockerBuild : IPublish, IBaseImage
{
    // Interfaces hold no state; the ID of the image each build instance made is kept here, and dies with the build.
    private static readonly ConditionalWeakTable<IBuild, string> BuiltImages = [];

    [Parameter("The Dockerfile stage to build (default: image.target of idp.yaml, else the last stage)")]
    string? DockerTarget => TryGetValue(() => DockerTarget);

    /// <summary>The image's repository with the registry, e.g. <c>127.0.0.1:5001/platform/hello-service</c>.</summary>
    string ImageRepository => $"{Registry}/{ServiceDescriptor.Image.Repository}";

    /// <summary>The tags: commit SHA first (the one pushed and recorded), then the version.</summary>
    IReadOnlyList<string> ImageTags => Image.ImageTags.For(GitRepository);

    /// <summary>The engine's ID of the image <c>DockerBuild</c> made in this run; null when it did not run here.</summary>
    string? BuiltImageId => BuiltImages.TryGetValue(this, out var id) ? id : null;

    /// <summary>The build context: the directory of <c>idp.yaml</c>.</summary>
    AbsolutePath DockerContextDirectory => ServiceDescriptor.Directory;

    Target DockerBuild => _ => _
        .Description("Builds the image with the Docker engine; tags <registry>/<repository>:<sha> and :<version>")
        .Requires(() => ServiceDescriptor)
        .DependsOn(Publish, BaseImage)
        .Executes(async () =>
        {
            var image = ServiceDescriptor.Image;
            var dockerfile = ServiceDescriptor.Resolve(image.Dockerfile).RelativeTo(DockerContextDirectory);
            if (!(DockerContextDirectory / dockerfile).FileExists())
                throw new TargetFailedException($"No Dockerfile at {DockerContextDirectory / dockerfile} (image.dockerfile of {ServiceDescriptor.SourceFile}). Add one, or point image.dockerfile at it.");
            var tags = ImageTags.Select(t => $"{ImageRepository}:{t}").ToList();
            var parameters = new ImageBuildParameters
            {
                Tags = tags,
                Dockerfile = dockerfile,
                Target = DockerTarget ?? image.Target,
                BuildArgs = new Dictionary<string, string>(image.BuildArgs) { ["BASE_IMAGE"] = BaseImageReference },
                Labels = ImageLabels.For(ServiceDescriptor, GitRepository),
                // Keep intermediate containers out of the engine; never pull: the base image is local or in the registry.
                Remove = true,
                ForceRemove = true,
            }.Apply(DockerBuildSettings);

            var timestamp = GitRepository.CommitTimestamp ?? DateTimeOffset.UnixEpoch;
            // Read after DockerBuildSettings, which may have changed any of them. BuildKit writes the labels into the
            // image config; the classic builder would make a step of each, so it gets them in one LABEL instruction.
            var (target, ownDockerfile) = (parameters.Target, parameters.Dockerfile);
            IDictionary<string, string>? labelledInDockerfile = null;
            if (DockerBuilder == DockerBuilder.Classic)
            {
                (labelledInDockerfile, parameters.Labels) = (parameters.Labels ?? new Dictionary<string, string>(), null);
                parameters.Dockerfile = DockerBuildContext.LabelledDockerfile;
            }
            BuildProgress progress;
            try
            {
                progress = await ImageBuilder.BuildAsync(DockerEndpoint, DockerBuilder, parameters,
                    tar => DockerBuildContext.Write(tar, DockerContextDirectory, ownDockerfile, target, labelledInDockerfile, timestamp),
                    $"{ServiceDescriptor.Service.Name} ({DockerContextDirectory / ownDockerfile})", Log);
            }
            catch (TargetFailedException e) when (e.Message.Contains(" : FROM ", StringComparison.Ordinal) || e.Message.Contains(parameters.BuildArgs["BASE_IMAGE"], StringComparison.Ordinal))
            {
                throw new TargetFailedException(
                    $"{e.Message}\nBASE_IMAGE was {parameters.BuildArgs["BASE_IMAGE"]}. Check that the engine can pull it (registry address, " +
                    "credentials, CA), or leave --runtime-base-image out to build the platform's base image from this machine's runtime (see docs/images.md).");
            }
            if (progress.ImageId is { } imageId)
                BuiltImages.AddOrUpdate(this, imageId);
            ReportSummary($"{tags[0]} ({progress.ImageId?.Replace("sha256:", "", StringComparison.Ordinal)[..12] ?? "built"})");
        });

    /// <summary>The team's hook: more labels or build args, no cache, a platform.</summary>
    Configure<ImageBuildParameters> DockerBuildSettings => _ => _;
}
