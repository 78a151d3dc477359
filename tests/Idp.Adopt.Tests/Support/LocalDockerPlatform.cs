using Idp.Testing.Docker;

namespace Idp.Adopt.Tests.Support;

/// <summary>
/// A real Docker engine and registry (Basic auth) for the adopted repositories' local deploys, started once for the
/// collection: the base image is built and pushed by the first deploy and found by the next ones.
/// </summary>
public sealed class LocalDockerPlatform : IAsyncLifetime
{
    public DockerEngineServer Engine { get; private set; } = null!;

    public RegistryServer Registry { get; private set; } = null!;

    /// <summary>The arguments that point a build at this engine and registry.</summary>
    public string[] Arguments =>
    [
        "--docker-host", Engine.Endpoint.ToString(),
        "--registry", Registry.Address,
        "--registry-username", Registry.Username,
        "--registry-password", Registry.Password,
    ];

    public async Task InitializeAsync()
    {
        Engine = await DockerEngineServer.StartAsync();
        Registry = await RegistryServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Registry.DisposeAsync();
        await Engine.DisposeAsync();
    }
}
