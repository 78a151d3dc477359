using Docker.DotNet;
using Idp.Build;
using Idp.Build.Components.Image;

namespace Idp.Build.Components.Platform;

/// <summary>
/// The Docker engine the image targets talk to: <c>DOCKER_HOST</c> (or <c>--docker-host</c>) when given, else the
/// default socket when an engine answers there, else the private engine that <c>LocalPlatform</c> starts.
/// </summary>
public interface IHazDockerEngine : IBuild
{
    /// <summary>The engine's address, e.g. <c>unix:///var/run/docker.sock</c> or <c>tcp://127.0.0.1:2375</c>.</summary>
    [Parameter("The Docker engine (default: DOCKER_HOST, else /var/run/docker.sock, else the engine LocalPlatform starts)")]
    string? DockerHost => TryGetValue(() => DockerHost);

    /// <summary>The builder as given; null means BuildKit.</summary>
    [Parameter("The engine's image builder: BuildKit (default; labels without a build step) or Classic, for engines without BuildKit", Name = "DockerBuilder")]
    DockerBuilder? DockerBuilderParameter => TryGetValue(() => DockerBuilderParameter);

    /// <summary>The builder the engine builds images with, with its default applied.</summary>
    DockerBuilder DockerBuilder => DockerBuilderParameter ?? DockerBuilder.BuildKit;

    /// <summary>Where the local platform keeps its sockets, data, logs and pid files; <c>~/.idp</c> unless given.</summary>
    [Parameter("Directory of the local platform's state (default: ~/.idp)")]
    AbsolutePath? PlatformDirectory => TryGetValue(() => PlatformDirectory);

    /// <summary>The platform's state directory, with its default applied.</summary>
    LocalPlatformLayout PlatformLayout => new(PlatformDirectory
        ?? AbsolutePath.Create(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".idp")));

    /// <summary>The engine endpoint chosen as described on <see cref="IHazDockerEngine"/>.</summary>
    Uri DockerEndpoint => DockerEngine.Choose(DockerHost, PlatformLayout);

    /// <summary>A client for <see cref="DockerEndpoint"/>; dispose it after use.</summary>
    DockerClient CreateDockerClient() => DockerEngine.Connect(DockerEndpoint);
}
