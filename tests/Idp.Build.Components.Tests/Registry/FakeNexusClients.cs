using Idp.Build.Components.Platform;
using Idp.Build.Components.Registry;
using Idp.Build.Output;
using Idp.Testing.Docker;

namespace Idp.Build.Components.Tests.Registry;

/// <summary>A registry client and an image pusher for the fake Nexus, logging into <c>output</c>.</summary>
internal static class FakeNexusClients
{
    public static RegistryClient Registry(FakeTokenRegistry nexus) =>
        new(RegistryHost.Of(nexus.Address), new RegistryCredentials(nexus.Username, nexus.Password));

    /// <summary>A pusher whose engine client points at no socket: whatever reaches the engine fails.</summary>
    public static ImagePusher PusherWithoutEngine(FakeTokenRegistry nexus, RegistryClient registry, TextWriter output) => new(
        DockerEngine.Connect(new Uri("unix:///nonexistent/docker.sock")), registry, RegistryHost.Of(nexus.Address),
        new RegistryCredentials(nexus.Username, nexus.Password), new BuildLog(() => output, Verbosity.Normal, useColor: false));
}
