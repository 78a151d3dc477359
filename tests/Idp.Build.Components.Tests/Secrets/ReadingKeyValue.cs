using Idp.Build.Components.Descriptor;
using Idp.Build.Components.Secrets;

namespace Idp.Build.Components.Tests.Secrets;

/// <summary>KV v2 and v1 reads return the data and metadata, and every kind of 404 says what is missing.</summary>
public class ReadingKeyValue : FakeVaultScope
{
    [Fact]
    public async Task Kv2_read_returns_the_latest_version_with_its_metadata()
    {
        using var client = Client();

        var secret = await client.ReadSecretV2Async("ci/nexus", mountPoint: "secret");

        secret.Data!.Data.ShouldBe(new Dictionary<string, string> { ["username"] = "ci-pusher", ["password"] = NexusPassword }, ignoreOrder: true);
        secret.Data.Metadata.Version.ShouldBe(2);
        secret.Data.Metadata.Destroyed.ShouldBeFalse();
        secret.Data.Metadata.DeletionTime.ShouldBeNull();
        secret.Data.Metadata.CreatedTime.ShouldBe(Clock.GetUtcNow());
        secret.MountType.ShouldBe("kv");
    }

    [Fact]
    public async Task Kv2_read_of_a_version_returns_that_version()
    {
        using var client = Client();

        var secret = await client.ReadSecretV2Async("ci/nexus", version: 1);

        secret.Data!.Data["password"].ShouldBe(OldNexusPassword);
        secret.Data.Metadata.Version.ShouldBe(1);
        Requests.ShouldContain("GET /v1/secret/data/ci/nexus?version=1");
    }

    [Fact]
    public async Task Kv1_read_returns_the_map()
    {
        using var client = Client();

        var secret = await client.ReadSecretV1Async("ci/nexus", mountPoint: "kv");

        secret.Data!["password"].ShouldBe(KvOnePassword);
        secret.LeaseDurationSeconds.ShouldBe(2764800);
    }

    [Fact]
    public async Task Missing_secret_names_the_path_and_mount()
    {
        using var client = Client();

        var error = await Should.ThrowAsync<VaultApiException>(() => client.ReadSecretV2Async("ci/nexsu"));

        error.StatusCode.ShouldBe(404);
        error.Message.ShouldContain("has no secret at secret/data/ci/nexsu");
        error.Message.ShouldContain("KV v2 mount 'secret', secret 'ci/nexsu'");
        Requests.Count(r => r.StartsWith("GET /v1/secret/data", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Missing_version_names_the_version()
    {
        using var client = Client();

        var error = await Should.ThrowAsync<VaultApiException>(() => client.ReadSecretV2Async("ci/nexus", version: 7));

        error.Message.ShouldContain("has no version 7 of the secret secret/data/ci/nexus");
        error.Message.ShouldContain("vault kv metadata get -mount=secret ci/nexus");
    }

    [Fact]
    public async Task Deleted_version_says_it_was_deleted_and_how_to_restore_it()
    {
        Vault.DeleteKv2Version("secret", "ci/nexus", 2);
        using var client = Client();

        var error = await Should.ThrowAsync<VaultApiException>(() => client.ReadSecretV2Async("ci/nexus"));

        error.StatusCode.ShouldBe(404);
        error.Message.ShouldStartWith("Version 2 of the Vault secret secret/data/ci/nexus was deleted at ");
        error.Message.ShouldContain("vault kv undelete -versions=2 -mount=secret ci/nexus");
    }

    [Fact]
    public async Task Destroyed_version_says_its_data_is_gone_for_good()
    {
        Vault.DestroyKv2Version("secret", "ci/nexus", 1);
        using var client = Client();

        var error = await Should.ThrowAsync<VaultApiException>(() => client.ReadSecretV2Async("ci/nexus", version: 1));

        error.Message.ShouldStartWith("Version 1 of the Vault secret secret/data/ci/nexus was destroyed: its data is gone for good.");
    }

    [Theory]
    [InlineData("secret/data/ci/nexus", NexusPassword)]
    [InlineData("kv/ci/nexus", KvOnePassword)]
    public async Task Reference_with_data_reads_kv2_and_without_reads_kv1(string path, string expected)
    {
        using var client = Client();

        var value = await client.ReadSecretValueAsync(new VaultSecretReference(path, "password"));

        value.ShouldBe(expected);
    }

    [Fact]
    public async Task Missing_key_names_the_key_and_the_keys_that_exist_but_never_their_values()
    {
        using var client = Client();

        var error = await Should.ThrowAsync<VaultException>(() => client.ReadSecretValueAsync(new VaultSecretReference("secret/data/ci/nexus", "token")));

        error.Message.ShouldBe(
            "The Vault secret secret/data/ci/nexus has no key 'token'; its keys are: password, username. Correct the key in idp.yaml, or add 'token' to the secret in Vault.");
        error.Message.ShouldNotContain(NexusPassword);
    }

    [Fact]
    public async Task Empty_value_is_an_error_not_an_empty_secret()
    {
        Vault.WriteKv2("secret", "ci/empty", new { password = "" });
        using var client = Client();

        var error = await Should.ThrowAsync<VaultException>(() => client.ReadSecretValueAsync(new VaultSecretReference("secret/data/ci/empty", "password")));

        error.Message.ShouldContain("The key 'password' of the Vault secret secret/data/ci/empty is empty.");
    }

    [Fact]
    public async Task Kv1_path_on_a_kv2_mount_says_to_add_data()
    {
        Vault.AddPolicy("ci-read", "secret/*");
        using var client = Client();

        var error = await Should.ThrowAsync<VaultApiException>(() => client.ReadSecretValueAsync(new VaultSecretReference("secret/ci/nexus", "password")));

        error.Message.ShouldBe("secret/ci/nexus is on a KV v2 mount, read as KV v1. Write the path with 'data/' after the mount: secret/data/ci/nexus.");
    }

    [Fact]
    public void Path_without_a_secret_part_is_rejected_with_both_shapes()
    {
        var error = Should.Throw<VaultException>(() => VaultSecretPath.Parse("secret"));

        error.Message.ShouldContain("'<mount>/data/<secret>' for KV v2");
    }
}
