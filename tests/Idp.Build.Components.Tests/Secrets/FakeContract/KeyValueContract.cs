using System.Text.Json;

namespace Idp.Build.Components.Tests.Secrets.FakeContract;

/// <summary>The fake's KV v2 and v1 answers match Vault's (api-contracts.md §1.2, §1.3).</summary>
public class KeyValueContract : FakeVaultScope
{
    [Fact]
    public async Task Kv2_read_returns_the_latest_data_and_its_version_metadata_in_a_full_envelope()
    {
        using var raw = new RawVault(Vault.Address, ReaderToken);

        var (status, body, _) = await raw.GetAsync("/v1/secret/data/ci/nexus");

        status.ShouldBe(200);
        body.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["request_id", "lease_id", "renewable", "lease_duration", "data", "wrap_info", "warnings", "auth", "mount_type"], ignoreOrder: true);
        body.GetProperty("data").GetProperty("data").GetProperty("password").GetString().ShouldBe(NexusPassword);
        var metadata = body.GetProperty("data").GetProperty("metadata");
        metadata.GetProperty("version").GetInt32().ShouldBe(2);
        metadata.GetProperty("destroyed").GetBoolean().ShouldBeFalse();
        metadata.GetProperty("deletion_time").GetString().ShouldBe("");
    }

    [Fact]
    public async Task Kv2_read_with_a_version_returns_that_version()
    {
        using var raw = new RawVault(Vault.Address, ReaderToken);

        var (status, body, _) = await raw.GetAsync("/v1/secret/data/ci/nexus?version=1");

        status.ShouldBe(200);
        body.GetProperty("data").GetProperty("data").GetProperty("password").GetString().ShouldBe(OldNexusPassword);
        body.GetProperty("data").GetProperty("metadata").GetProperty("version").GetInt32().ShouldBe(1);
    }

    [Theory]
    [InlineData("/v1/secret/data/ci/absent")]
    [InlineData("/v1/secret/data/ci/nexus?version=9")]
    public async Task Kv2_missing_secret_or_version_is_404_with_an_empty_errors_list(string path)
    {
        using var raw = new RawVault(Vault.Address, ReaderToken);

        var (status, _, text) = await raw.GetAsync(path);

        status.ShouldBe(404);
        text.ShouldBe("{\"errors\":[]}");
    }

    [Fact]
    public async Task Kv2_deleted_version_is_404_with_an_envelope_carrying_its_deletion_time()
    {
        Vault.DeleteKv2Version("secret", "ci/nexus", 2);
        using var raw = new RawVault(Vault.Address, ReaderToken);

        var (status, body, _) = await raw.GetAsync("/v1/secret/data/ci/nexus");

        status.ShouldBe(404);
        body.GetProperty("data").GetProperty("data").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("data").GetProperty("metadata").GetProperty("deletion_time").GetString().ShouldNotBeNullOrEmpty();
        body.TryGetProperty("errors", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Kv2_destroyed_version_is_404_with_destroyed_metadata()
    {
        Vault.DestroyKv2Version("secret", "ci/nexus", 1);
        using var raw = new RawVault(Vault.Address, ReaderToken);

        var (status, body, _) = await raw.GetAsync("/v1/secret/data/ci/nexus?version=1");

        status.ShouldBe(404);
        body.GetProperty("data").GetProperty("metadata").GetProperty("destroyed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Kv2_write_with_a_stale_check_and_set_is_400_and_a_current_one_adds_a_version()
    {
        using var raw = new RawVault(Vault.Address, ReaderToken);

        var (stale, staleBody, _) = await raw.SendAsync(HttpMethod.Post, "/v1/secret/data/ci/nexus", new { options = new { cas = 1 }, data = new { password = "x" } });
        var (current, currentBody, _) = await raw.SendAsync(HttpMethod.Post, "/v1/secret/data/ci/nexus", new { options = new { cas = 2 }, data = new { password = "y" } });

        stale.ShouldBe(400);
        staleBody.GetProperty("errors")[0].GetString().ShouldBe("check-and-set parameter did not match the current version");
        current.ShouldBe(200);
        currentBody.GetProperty("data").GetProperty("version").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Kv1_read_returns_the_map_with_a_refresh_hint_and_no_metadata()
    {
        using var raw = new RawVault(Vault.Address, ReaderToken);

        var (status, body, _) = await raw.GetAsync("/v1/kv/ci/nexus");

        status.ShouldBe(200);
        body.GetProperty("data").GetProperty("password").GetString().ShouldBe(KvOnePassword);
        body.GetProperty("lease_duration").GetInt64().ShouldBe(2764800);
        body.GetProperty("data").TryGetProperty("metadata", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task V1_shaped_read_on_a_v2_mount_is_404_with_the_versioned_engine_warning()
    {
        using var raw = new RawVault(Vault.Address, ReaderToken);
        Vault.AddPolicy("ci-read", "secret/*", "kv/ci/*");

        var (status, body, _) = await raw.GetAsync("/v1/secret/ci/nexus");

        status.ShouldBe(404);
        body.GetProperty("data").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("warnings")[0].GetString().ShouldStartWith("Invalid path for a versioned K/V secrets engine");
    }
}
