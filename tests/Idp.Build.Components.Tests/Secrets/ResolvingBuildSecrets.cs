using Idp.Build.Components.Descriptor;
using Idp.Build.Components.Registry;
using Idp.Build.Components.Secrets;
using Idp.Build.Components.Tests.Descriptor;

namespace Idp.Build.Components.Tests.Secrets;

/// <summary>idp.yaml's buildSecrets are read from Vault through IVaultSecrets, and the registry password comes from there when not given.</summary>
public sealed class ResolvingBuildSecrets : FakeVaultScope, IDisposable
{
    private const string Descriptor = """
        apiVersion: idp.build/v1
        service: { name: hello-service, team: payments }
        buildSecrets:
          registryPassword: { path: secret/data/ci/nexus, key: password }
          legacyPassword: { path: kv/ci/nexus, key: password }
          misspeltKey: { path: secret/data/ci/nexus, key: pasword }
        environments:
          local: { replicas: 1 }
        """;

    private readonly DescriptorText _repository = new();

    public ResolvingBuildSecrets() => File.WriteAllText(_repository.FileName, Descriptor);

    public void Dispose() => _repository.Dispose();

    private VaultBuild Build(Host? host = null, Dictionary<string, string>? parameters = null)
    {
        parameters ??= new() { ["VaultToken"] = ReaderToken };
        parameters.TryAdd("VaultAddress", Vault.Address.AbsoluteUri);
        return new VaultBuild(_repository.Directory, host ?? VaultBuild.Terminal(), Masker, parameters);
    }

    [Theory]
    [InlineData("registryPassword", NexusPassword)]
    [InlineData("legacyPassword", KvOnePassword)]
    public async Task Build_secret_is_read_from_the_path_and_key_in_idp_yaml(string name, string expected)
    {
        IVaultSecrets build = Build();

        var value = await build.ReadBuildSecretAsync(name);

        value.ShouldBe(expected);
        Masker.Apply(value).ShouldBe("***");
    }

    [Fact]
    public async Task Build_secret_is_read_once_per_build()
    {
        IVaultSecrets build = Build();

        await build.ReadBuildSecretAsync("registryPassword");
        await build.ReadSecretAsync(new VaultSecretReference("secret/data/ci/nexus", "password"));

        Requests.Count(r => r == "GET /v1/secret/data/ci/nexus").ShouldBe(1);
    }

    [Fact]
    public async Task GitLab_build_logs_in_with_its_id_token_and_reads()
    {
        IVaultSecrets build = Build(VaultBuild.GitLab(), new() { ["VaultIdToken"] = GitLabIdToken(), ["VaultRole"] = "ci-deploy" });

        var value = await build.ReadBuildSecretAsync("registryPassword");

        value.ShouldBe(NexusPassword);
        Requests.ShouldBe(["POST /v1/auth/jwt/login", "GET /v1/secret/data/ci/nexus"]);
    }

    [Fact]
    public async Task Jenkins_build_logs_in_with_approle_in_the_namespace()
    {
        Vault.EnableKv2("payments/secret");
        Vault.WriteKv2("payments/secret", "ci/nexus", new { password = "ns-pass" });
        Vault.AddPolicy("ci-read", "payments/secret/data/ci/*");
        IVaultSecrets build = Build(VaultBuild.Jenkins(), new() { ["VaultRoleId"] = RoleId, ["VaultSecretId"] = SecretId, ["VaultNamespace"] = "payments/" });

        var value = await build.ReadBuildSecretAsync("registryPassword");

        value.ShouldBe("ns-pass");
        Vault.Requests.Select(r => $"{r} [{r.Namespace}]").ShouldBe(["POST /v1/auth/approle/login [payments/]", "GET /v1/secret/data/ci/nexus [payments/]"]);
    }

    [Fact]
    public async Task Unknown_build_secret_names_the_known_ones_and_how_to_add_it()
    {
        IVaultSecrets build = Build();

        var error = await Should.ThrowAsync<BuildException>(() => build.ReadBuildSecretAsync("registryPasword"));

        error.Message.ShouldContain("has no build secret 'registryPasword'. Did you mean 'registryPassword'?");
        error.Message.ShouldContain("Its build secrets are: legacyPassword, misspeltKey, registryPassword.");
        Vault.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Vault_failure_is_a_build_error_naming_the_build_secret_and_the_keys()
    {
        IVaultSecrets build = Build();

        var error = await Should.ThrowAsync<BuildException>(() => build.ReadBuildSecretAsync("misspeltKey"));

        error.Message.ShouldStartWith($"Reading buildSecrets.misspeltKey of {_repository.FileName} (secret/data/ci/nexus, key 'pasword') failed.");
        error.Message.ShouldContain("has no key 'pasword'; its keys are: password, username.");
    }

    [Fact]
    public async Task Missing_vault_address_says_what_asked_for_vault_and_how_to_set_it()
    {
        IVaultSecrets build = new VaultBuild(_repository.Directory, VaultBuild.Terminal(), Masker, new() { ["VaultToken"] = ReaderToken });

        var error = await Should.ThrowAsync<BuildException>(() => build.ReadBuildSecretAsync("registryPassword"));

        error.Message.ShouldStartWith($"buildSecrets.registryPassword of {_repository.FileName} (secret/data/ci/nexus, key 'password') is read from Vault, but --vault-address is not set.");
    }

    [Fact]
    public void Registry_password_comes_from_vault_when_not_given()
    {
        IHazRegistryCredentials build = Build(parameters: new() { ["VaultToken"] = ReaderToken, ["RegistryUsername"] = "ci-pusher" });

        var credentials = build.RegistryCredentials;

        credentials.ShouldBe(new RegistryCredentials("ci-pusher", NexusPassword));
        Masker.Apply(NexusPassword).ShouldBe("***");
    }

    [Fact]
    public void Given_registry_password_wins_and_vault_is_not_asked()
    {
        IHazRegistryCredentials build = Build(parameters: new() { ["VaultToken"] = ReaderToken, ["RegistryUsername"] = "ci-pusher", ["RegistryPassword"] = "from-cli" });

        build.RegistryCredentials!.Password.ShouldBe("from-cli");
        Vault.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void Registry_password_stays_empty_without_a_build_secret_for_it()
    {
        File.WriteAllText(_repository.FileName, Descriptor.Replace("  registryPassword: { path: secret/data/ci/nexus, key: password }\n", "", StringComparison.Ordinal));
        IHazRegistryCredentials build = Build(parameters: new() { ["RegistryUsername"] = "ci-pusher" });

        build.RegistryPassword.ShouldBeNull();
        Vault.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Vault_address_without_a_scheme_says_how_to_write_it()
    {
        IVaultSecrets build = Build(parameters: new() { ["VaultToken"] = ReaderToken, ["VaultAddress"] = "vault.example.internal:8200" });

        var error = await Should.ThrowAsync<BuildException>(() => build.ReadBuildSecretAsync("registryPassword"));

        error.Message.ShouldBe("The Vault address 'vault.example.internal:8200' is not an absolute http(s) URL; give --vault-address like https://vault.example.internal:8200.");
    }
}
