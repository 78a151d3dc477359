using System.Text.Json;
using Idp.Build.Components.Dora;
using Idp.Build.Components.Tests.GoldenPath;
using Idp.Build.Execution;
using Idp.Build.Processes;
using Idp.Testing.Kubernetes;
using Idp.Testing.Vault;

namespace Idp.Build.Components.Tests.Deploy.OpenShift;

/// <summary>
/// A service repository (git, idp.yaml, a pushed image recorded in artifacts/image.json) whose golden-path build
/// deploys to a fake OpenShift, with runtime secrets in a fake Vault; the build runs in process.
/// </summary>
public sealed class OpenShiftRepository : IAsyncLifetime
{
    public const string Canary = "canary-api-key-7d1f0c";
    private const string Registry = "nexus.example.internal:8082/platform/hello-service";

    public sealed class GoldenBuild : IdpBuild, IGoldenPath;

    public AbsolutePath Root { get; } = AbsolutePath.Create(Directory.CreateTempSubdirectory("idp-openshift-").FullName);
    public FakeKubernetes Cluster { get; private set; } = null!;
    public FakeVault Vault { get; private set; } = null!;
    public string VaultToken { get; private set; } = "";
    public DoraOutbox Outbox => new(Root / ".nuke" / "temp" / "dora-outbox");

    public async Task InitializeAsync()
    {
        Cluster = await FakeKubernetes.StartAsync("platform-dev", "platform-prod");
        Cluster.ProgressDeadline = TimeSpan.FromSeconds(1);
        Vault = await FakeVault.StartAsync();
        Vault.EnableKv2("secret");
        Vault.WriteKv2("secret", "platform/hello-service", new { api_key = Canary });
        Vault.AddPolicy("hello-service", "secret/data/platform/*");
        VaultToken = Vault.CreateToken(["hello-service"]);
        Directory.CreateDirectory(Root / ".nuke");
        File.WriteAllText(Root / "idp.yaml", """
            apiVersion: idp.build/v1
            service: { name: hello-service, team: platform, port: 8080, healthPath: /health }
            image: { repository: platform/hello-service }
            deploy: { timeout: 30s }
            environments:
              dev:
                namespace: platform-dev
                replicas: 2
                secrets:
                  mode: kubernetes
                  role: hello-service
                  values:
                    - { name: HELLO_API_KEY, path: secret/data/platform/hello-service, key: api_key }
              production:
                namespace: platform-prod
                replicas: 3
                route: { host: hello-service.apps.example.internal }
                secrets:
                  mode: agent
                  role: hello-service
                  values:
                    - { name: HELLO_API_KEY, path: secret/data/platform/hello-service, key: api_key }
            """);
        Git("init", "-q");
        Commit("The service");
    }

    /// <summary>An image reference by digest, as Push records it.</summary>
    public static string Image(char digit) => $"{Registry}@sha256:{new string(digit, 64)}";

    /// <summary>Records <paramref name="image"/> as pushed (<see cref="Record"/>) and runs Deploy with <paramref name="arguments"/>.</summary>
    /// <summary>The CI environment the next runs see (e.g. Jenkins' variables); none by default.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public (int ExitCode, string Output) Deploy(string image, string environment, params string[] arguments)
    {
        Record(image);
        return Run(["Deploy", "--environment", environment, "--skip", "Push", "LocalPlatform", "EmitDora", .. arguments]);
    }

    /// <summary>A new commit whose pushed image is <paramref name="image"/> (artifacts/image.json, as Push writes it); returns its SHA.</summary>
    public string Record(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        Directory.CreateDirectory(Root / "artifacts");
        File.WriteAllText(Root / "artifacts" / "image.json",
            JsonSerializer.Serialize(new { repository = image[..at], tag = "t", digest = image[(at + 1)..], size = 1234 }));
        File.AppendAllText(Root / "CHANGES", image + "\n");
        Commit("Change for " + image[(at + 1)..][..15]);
        return Git("rev-parse", "HEAD");
    }

    public (int ExitCode, string Output) Run(params string[] arguments)
    {
        var output = new StringWriter();
        var exitCode = BuildRunner.Run(new GoldenBuild(),
            new RunEnvironment([.. arguments, .. Connection(arguments)], Environment, Root, Root, output, output, OwnsConsole: false), []);
        return (exitCode, output.ToString());
    }

    /// <summary>Runs a compiled golden-path build (a native one, say) in a process of its own on this repository, as <see cref="Run"/> does in process.</summary>
    public (int ExitCode, string Output) RunCompiled(AbsolutePath executable, params string[] arguments)
    {
        var result = ProcessRunner.Run(executable, [.. arguments, .. Connection(arguments), "--root", Root], OutsideCi.Options(Root, TimeSpan.FromMinutes(5)));
        return (result.ExitCode, string.Join('\n', result.Output.Select(l => l.Text)));
    }

    private string[] Connection(string[] arguments) =>
    [
        "--openshift-server", Cluster.Url.ToString(), "--openshift-token", FakeKubernetes.Token,
        "--vault-address", Vault.Address.ToString(),
        .. arguments.Contains("--vault-token") ? Array.Empty<string>() : ["--vault-token", VaultToken],
    ];

    public string DeployedImage(string ns) =>
        Cluster.Get(KubeResource.Deployments, ns, "hello-service")!["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>();

    public IReadOnlyList<string> OutboxTypes() =>
        Outbox.Pending().Select(e => JsonDocument.Parse(e.Json).RootElement.GetProperty("context").GetProperty("type").GetString()!).ToList();

    public string Git(params string[] arguments) =>
        ProcessRunner.Run("git", arguments, new ProcessOptions { WorkingDirectory = Root, LogOutput = false, LogInvocation = false }).StandardOutput.Trim();

    private void Commit(string message)
    {
        Git("add", "-A");
        Git("-c", "user.name=Idp Test", "-c", "user.email=idp@example.invalid", "commit", "-q", "-m", message);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Vault.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
