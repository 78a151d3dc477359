namespace Idp.Build.Components.Descriptor;

/// <summary>The <c>image:</c> section: how the container image is built and where it is pushed.</summary>
/// <param name="Repository">The repository path in the registry, e.g. <c>payments/hello-service</c> (no host, no tag: the build pushes by digest).</param>
/// <param name="Dockerfile">The Dockerfile, relative to the descriptor's directory.</param>
/// <param name="Target">The multi-stage build target; null for the last stage.</param>
/// <param name="BuildArgs">Extra <c>--build-arg</c> values.</param>
/// <param name="Labels">Extra image labels, added to the ones the build sets.</param>
public sealed record ImageSettings(
    string Repository,
    string Dockerfile,
    string? Target,
    IReadOnlyDictionary<string, string> BuildArgs,
    IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The Dockerfile used when none is given.</summary>
    public const string DefaultDockerfile = "Dockerfile";
}
