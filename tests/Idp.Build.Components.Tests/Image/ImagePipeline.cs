using System.Text.Json;
using Idp.Build.Components.Tests.GoldenPath;
using Idp.Build.Processes;
using Idp.Testing.Docker;

namespace Idp.Build.Components.Tests.Image;

/// <summary>
/// A copy of the sample in its own git repository, a real Docker engine and a real registry with Basic auth; the
/// base image built and the sample's image built and pushed once. The tests read what that produced, and some
/// run further builds against the same engine and registry.
/// </summary>
public sealed class ImagePipeline : IAsyncLifetime
{
    private const string BuildClass = """
        using Idp.Build;
        using Idp.Build.Components;
        using Idp.Build.Components.Platform;
        using Idp.Build.Components.Registry;

        class Build : IdpBuild, IGoldenPath, IPush, IBaseImage
        {
            public static int Main() => Execute<Build>();
        }
        """;

    internal SampleRepository Sample { get; } = new(BuildClass);
    internal DockerEngineServer Engine { get; private set; } = null!;
    internal RegistryServer Registry { get; private set; } = null!;
    internal AbsolutePath BuildAssembly { get; private set; } = null!;

    /// <summary>The first Push of the sample, which also built the base image.</summary>
    internal ProcessResult FirstPush { get; private set; } = null!;

    /// <summary>artifacts/image.json of the first push, as written then.</summary>
    internal JsonElement FirstImage { get; private set; }

    /// <summary>artifacts/image.env of the first push, as written then.</summary>
    internal string FirstImageEnv { get; private set; } = "";

    /// <summary>The commit the first push built.</summary>
    internal string FirstCommit { get; private set; } = "";

    internal string Repository => $"{Registry.Address}/platform/hello-service";

    public async Task InitializeAsync()
    {
        Engine = await DockerEngineServer.StartAsync();
        Registry = await RegistryServer.StartAsync();
        Git("init", "-q");
        Commit("The sample service");
        FirstCommit = Git("rev-parse", "HEAD");
        BuildAssembly = Sample.CompileBuild();
        // As on a fresh machine: nothing built yet, so Push builds the base image on the way.
        FirstPush = Run("Push");
        if (File.Exists(Sample.Artifacts / "image.json"))
            FirstImage = JsonDocument.Parse(File.ReadAllText(Sample.Artifacts / "image.json")).RootElement.Clone();
        if (File.Exists(Sample.Artifacts / "image.env"))
            FirstImageEnv = File.ReadAllText(Sample.Artifacts / "image.env");
    }

    /// <summary>Runs the sample's build against the fixture's engine and registry, with the registry user's credentials.</summary>
    internal ProcessResult Run(params string[] arguments) => RunWith(Registry.Password, arguments);

    internal ProcessResult RunWith(string password, params string[] arguments) => RunAgainst(Registry, password, new Dictionary<string, string?>(), arguments);

    /// <summary>Runs the sample's build against the fixture's engine, <paramref name="registry"/> and with more environment <paramref name="variables"/>.</summary>
    internal ProcessResult RunAgainst(RegistryServer registry, IReadOnlyDictionary<string, string?> variables, params string[] arguments) =>
        RunAgainst(registry, registry.Password, variables, arguments);

    private ProcessResult RunAgainst(RegistryServer registry, string password, IReadOnlyDictionary<string, string?> variables, string[] arguments) =>
        Sample.Run(BuildAssembly, variables,
        [
            .. arguments,
            "--docker-host", Engine.Endpoint.ToString(),
            "--registry", registry.Address,
            "--registry-username", registry.Username,
            "--registry-password", password,
            "--platform-directory", Sample.Root / ".idp-platform",
        ]);

    /// <summary>
    /// Writes <c>idp.&lt;name&gt;.yaml</c>: the sample's idp.yaml with the image in a repository of its own, so the tags
    /// the other tests read stay as the first push left them, and built from <paramref name="dockerfile"/> when one is
    /// given (written as <c>Dockerfile.&lt;name&gt;</c>). Disposing it deletes both files.
    /// </summary>
    internal ScratchDescriptor WriteDescriptor(string name, string? dockerfile = null)
    {
        var repository = $"platform/hello-service-{name}";
        var image = dockerfile is null ? "" : $"\n  dockerfile: Dockerfile.{name}";
        if (dockerfile is not null)
            Sample.Write($"Dockerfile.{name}", dockerfile);
        Sample.Write($"idp.{name}.yaml", File.ReadAllText(Sample.Root / "idp.yaml")
            .Replace("repository: platform/hello-service", $"repository: {repository}{image}", StringComparison.Ordinal));
        return new ScratchDescriptor(Sample.Root / $"idp.{name}.yaml", $"{Registry.Address}/{repository}", dockerfile is null ? null : Sample.Root / $"Dockerfile.{name}");
    }

    /// <summary>Writes the first push's artifacts/image.json back, so Deploy takes that (working) image whatever ran before.</summary>
    internal void RestoreFirstImageRecord() => File.WriteAllText(Sample.Artifacts / "image.json", FirstImage.GetRawText());

    /// <summary>Removes the sample's local deployment (its container), so that the next Deploy is the first one again.</summary>
    internal async Task RemoveLocalDeploymentAsync()
    {
        using var docker = Idp.Build.Components.Platform.DockerEngine.Connect(Engine.Endpoint);
        try
        {
            await docker.Containers.RemoveContainerAsync("idp-hello-service", new Docker.DotNet.Models.ContainerRemoveParameters { Force = true });
        }
        catch (Docker.DotNet.DockerContainerNotFoundException)
        {
            // Nothing deployed yet.
        }
    }

    internal void Commit(string message)
    {
        Git("add", "-A");
        Git("-c", "user.name=Idp Test", "-c", "user.email=idp@example.invalid", "commit", "-q", "-m", message);
    }

    internal string Git(params string[] arguments) =>
        ProcessRunner.Run("git", arguments, new ProcessOptions { WorkingDirectory = Sample.Root, LogOutput = false, LogInvocation = false }).StandardOutput.Trim();

    public async Task DisposeAsync()
    {
        if (Registry is not null)
            await Registry.DisposeAsync();
        if (Engine is not null)
            await Engine.DisposeAsync();
        Sample.Dispose();
    }
}

/// <summary>The tests that share one engine, one registry and one built sample run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DockerCollection : ICollectionFixture<ImagePipeline>
{
    public const string Name = "Docker engine and registry";
}

/// <summary>A service descriptor written for one test (<see cref="ImagePipeline.WriteDescriptor"/>): its path and image repository.</summary>
internal sealed record ScratchDescriptor(AbsolutePath Path, string Repository, AbsolutePath? Dockerfile) : IDisposable
{
    public void Dispose()
    {
        File.Delete(Path);
        if (Dockerfile is not null)
            File.Delete(Dockerfile);
    }
}
