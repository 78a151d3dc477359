using System.Net;
using System.Net.Sockets;
using Idp.Build.Components.Secrets;

namespace Idp.Build.Components.Tests.Secrets;

/// <summary>403s name the path and the role; 5xx and lost connections are retried a bounded number of times; a sealed Vault says so.</summary>
public class RefusedAndUnavailable : FakeVaultScope
{
    [Fact]
    public async Task Policy_miss_names_the_path_and_the_role_and_is_not_retried()
    {
        Vault.WriteKv2("secret", "payments/db", new { password = "db-pass" });
        using var client = Client(new JwtAuthMethodInfo("ci-deploy", GitLabIdToken()));

        var error = await Should.ThrowAsync<VaultApiException>(() => client.ReadSecretV2Async("payments/db"));

        error.StatusCode.ShouldBe(403);
        error.Message.ShouldContain("answered 403 to GET /v1/secret/data/payments/db: permission denied.");
        error.Message.ShouldContain("The token from JWT role 'ci-deploy' at auth/jwt may not do this");
        error.Message.ShouldContain("grant the 'read' capability on the path \"secret/data/payments/db\"");
        Requests.Count(r => r == "GET /v1/secret/data/payments/db").ShouldBe(1);
    }

    [Fact]
    public async Task Server_errors_are_retried_and_the_read_then_succeeds()
    {
        using var client = Client(retries: 3);
        await client.LoginAsync();
        Vault.FailNext(2, 502);

        var secret = await client.ReadSecretV2Async("ci/nexus");

        secret.Data!.Data["password"].ShouldBe(NexusPassword);
        Requests.Count(r => r == "GET /v1/secret/data/ci/nexus").ShouldBe(3);
    }

    [Fact]
    public async Task Server_errors_beyond_the_retries_fail_saying_how_often_and_where_to_look()
    {
        using var client = Client(retries: 2);
        await client.LoginAsync();
        Vault.FailNext(10, 500);

        var error = await Should.ThrowAsync<VaultApiException>(() => client.ReadSecretV2Async("ci/nexus"));

        error.StatusCode.ShouldBe(500);
        error.Message.ShouldContain("(3 attempts in a row)");
        error.Message.ShouldContain($"{Vault.Address.AbsoluteUri.TrimEnd('/')}/v1/sys/health");
        Requests.Count(r => r == "GET /v1/secret/data/ci/nexus").ShouldBe(3);
    }

    [Fact]
    public async Task Sealed_vault_is_retried_then_says_to_unseal_it()
    {
        using var client = Client(retries: 1);
        await client.LoginAsync();
        Vault.Sealed = true;

        var error = await Should.ThrowAsync<VaultApiException>(() => client.ReadSecretV2Async("ci/nexus"));

        error.StatusCode.ShouldBe(503);
        error.Message.ShouldContain("Vault is sealed");
        error.Message.ShouldContain("'vault operator unseal'");
        Requests.Count(r => r == "GET /v1/secret/data/ci/nexus").ShouldBe(2);
    }

    [Theory]
    [InlineData("active", 200, true)]
    [InlineData("standby", 429, false)]
    [InlineData("sealed", 503, false)]
    public async Task Health_reports_the_node_state_without_throwing(string state, int status, bool active)
    {
        Vault.Standby = state == "standby";
        Vault.Sealed = state == "sealed";
        using var client = Client();

        var health = await client.GetHealthStatusAsync();

        (health.HttpStatusCode, health.IsActive, health.Sealed, health.Standby).ShouldBe((status, active, state == "sealed", state == "standby"));
        Requests.ShouldBe(["GET /v1/sys/health"]);
    }

    [Fact]
    public async Task Ensure_ready_fails_on_a_sealed_vault_saying_what_to_do()
    {
        Vault.Sealed = true;
        using var client = Client();

        var error = await Should.ThrowAsync<VaultApiException>(() => client.EnsureReadyAsync());

        error.Message.ShouldContain("is sealed: ask the Vault operators to unseal it");
    }

    [Fact]
    public async Task Unreachable_vault_is_retried_then_names_the_address()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new VaultClient(new VaultClientSettings($"http://127.0.0.1:{port}", new TokenAuthMethodInfo(ReaderToken))
        {
            Retry = new VaultRetryPolicy { MaxRetries = 2, FirstDelay = TimeSpan.FromMilliseconds(1) },
        });

        var error = await Should.ThrowAsync<VaultException>(() => client.ReadSecretV2Async("ci/nexus"));

        error.Message.ShouldStartWith($"Vault at http://127.0.0.1:{port} could not be reached for GET /v1/auth/token/lookup-self after 3 attempts");
        error.Message.ShouldContain("Check --vault-address");
    }

    [Fact]
    public async Task Policy_miss_with_a_given_token_names_the_token_parameter()
    {
        using var client = Client();

        var error = await Should.ThrowAsync<VaultApiException>(() => client.ReadSecretV1Async("payments/db", "kv"));

        error.Message.ShouldContain("The token given with --vault-token (VAULT_TOKEN) may not do this: a policy of that token must grant the 'read' capability on the path \"kv/payments/db\"");
    }

    [Fact]
    public async Task Too_many_requests_after_the_retries_points_at_the_active_node()
    {
        using var client = Client(retries: 1);
        await client.LoginAsync();
        Vault.FailNext(2, 429);

        var error = await Should.ThrowAsync<VaultApiException>(() => client.ReadSecretV2Async("ci/nexus"));

        error.StatusCode.ShouldBe(429);
        error.Message.ShouldContain("The node is a standby or a rate limit applies: point --vault-address at the cluster's active address");
    }
}
