using Idp.Build.Components.Secrets;
using Idp.Build.Components.Tests.Descriptor;
using Idp.Build.Execution;

namespace Idp.Build.Components.Tests.Secrets;

/// <summary>Through the engine: parameters from the GitLab CI environment, the JWT login, and a value read in a target masked in every output.</summary>
public sealed class VaultInARealBuild : FakeVaultScope, IDisposable
{
    private readonly DescriptorText _repository = new();

    public VaultInARealBuild()
    {
        Directory.CreateDirectory(Path.Combine(_repository.Directory, ".nuke"));
        File.WriteAllText(_repository.FileName, """
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            buildSecrets:
              registryPassword: { path: secret/data/ci/nexus, key: password }
              misspelt: { path: secret/data/ci/nexus, key: pasword }
            environments:
              local: { replicas: 1 }
            """);
    }

    public void Dispose() => _repository.Dispose();

    public sealed class SecretsBuild : IdpBuild, IVaultSecrets
    {
        Target Login => _ => _.Executes(async () =>
        {
            var password = await ((IVaultSecrets)this).ReadBuildSecretAsync("registryPassword");
            Log.Information($"registry password: {password}");
            Console.WriteLine($"echo {password} | docker login --password-stdin");
        });

        Target Broken => _ => _.Executes(async () => await ((IVaultSecrets)this).ReadBuildSecretAsync("misspelt"));
    }

    private (int ExitCode, string Output) Run(string target)
    {
        var environment = new Dictionary<string, string>
        {
            ["GITLAB_CI"] = "true",
            ["VAULT_ID_TOKEN"] = GitLabIdToken(),
            ["VAULT_ADDRESS"] = Vault.Address.AbsoluteUri,
        };
        var output = new StringWriter();
        var exitCode = BuildRunner.Run(
            new SecretsBuild(),
            new RunEnvironment([target, "--vault-role", "ci-deploy"], environment, _repository.Directory, _repository.Directory, output, output, OwnsConsole: true),
            []);
        return (exitCode, output.ToString());
    }

    [Fact]
    public void Value_read_in_a_target_is_masked_in_the_log_and_on_the_console()
    {
        var (exitCode, output) = Run("Login");

        exitCode.ShouldBe(0, output);
        output.ShouldContain("registry password: ***");
        output.ShouldContain("echo *** | docker login --password-stdin");
        output.ShouldNotContain(NexusPassword);
        Requests.ShouldBe(["POST /v1/auth/jwt/login", "GET /v1/secret/data/ci/nexus"]);
    }

    [Fact]
    public void Vault_error_fails_the_target_with_its_message_and_no_stack_trace()
    {
        var (exitCode, output) = Run("Broken");

        exitCode.ShouldBe(1, output);
        output.ShouldContain("has no key 'pasword'; its keys are: password, username.");
        output.ShouldNotContain("   at ");
        output.ShouldNotContain(NexusPassword);
    }
}
