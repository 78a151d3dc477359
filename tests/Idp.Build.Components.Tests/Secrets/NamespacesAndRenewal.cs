using Idp.Build.Components.Secrets;

namespace Idp.Build.Components.Tests.Secrets;

/// <summary>The namespace travels on every request; a long run keeps its token alive by renewing it, or by logging in again.</summary>
public class NamespacesAndRenewal : FakeVaultScope
{
    [Fact]
    public async Task Namespace_is_sent_on_every_request_including_the_login()
    {
        Vault.EnableKv2("payments/secret");
        Vault.WriteKv2("payments/secret", "ci/nexus", new { password = "in-payments" });
        Vault.AddPolicy("ci-read", "payments/secret/data/ci/*");
        using var client = Client(new AppRoleAuthMethodInfo(RoleId, SecretId), ns: "payments/");

        var secret = await client.ReadSecretV2Async("ci/nexus");

        secret.Data!.Data["password"].ShouldBe("in-payments");
        Vault.Requests.Select(r => r.Namespace).ShouldBe(["payments/", "payments/"]);
    }

    [Fact]
    public async Task Without_a_namespace_no_header_is_sent()
    {
        using var client = Client();

        await client.ReadSecretV2Async("ci/nexus");

        Vault.Requests.ShouldAllBe(r => r.Namespace == null);
    }

    [Fact]
    public async Task Token_is_not_renewed_before_two_thirds_of_its_lease()
    {
        using var client = Client(new AppRoleAuthMethodInfo(RoleId, SecretId));
        await client.ReadSecretV2Async("ci/nexus");

        Clock.Advance(TimeSpan.FromMinutes(13));
        await client.ReadSecretV2Async("ci/nexus");

        Requests.ShouldNotContain("POST /v1/auth/token/renew-self");
    }

    [Fact]
    public async Task Renewable_token_is_renewed_after_two_thirds_of_its_lease_and_keeps_working()
    {
        using var client = Client(new AppRoleAuthMethodInfo(RoleId, SecretId));
        var auth = await client.LoginAsync();

        // Five steps of 14 minutes: 70 minutes against a 20-minute lease.
        for (var step = 0; step < 5; step++)
        {
            Clock.Advance(TimeSpan.FromMinutes(14));
            (await client.ReadSecretV2Async("ci/nexus")).Data!.Data["password"].ShouldBe(NexusPassword);
        }

        Vault.FindToken(auth.ClientToken)!.Renewals.ShouldBe(5);
        Requests.Count(r => r == "POST /v1/auth/approle/login").ShouldBe(1);
        Requests.Skip(1).Take(2).ShouldBe(["POST /v1/auth/token/renew-self", "GET /v1/secret/data/ci/nexus"]);
    }

    [Fact]
    public async Task Non_renewable_token_is_replaced_by_a_fresh_login_before_it_expires()
    {
        Vault.AddAppRole("batch", "batch-role-id", "batch-secret-id", ["ci-read"], TimeSpan.FromMinutes(10), renewable: false);
        using var client = Client(new AppRoleAuthMethodInfo("batch-role-id", "batch-secret-id"));
        await client.ReadSecretV2Async("ci/nexus");

        Clock.Advance(TimeSpan.FromMinutes(7));
        await client.ReadSecretV2Async("ci/nexus");

        Requests.Count(r => r == "POST /v1/auth/approle/login").ShouldBe(2);
        Requests.ShouldNotContain("POST /v1/auth/token/renew-self");
    }

    [Fact]
    public async Task Explicit_renewal_extends_by_the_increment()
    {
        using var client = Client(new AppRoleAuthMethodInfo(RoleId, SecretId));

        var renewed = await client.RenewSelfAsync(TimeSpan.FromHours(1));

        renewed.LeaseDurationSeconds.ShouldBe(3600);
        Vault.FindToken(renewed.ClientToken)!.ExpiresAt.ShouldBe(Clock.GetUtcNow() + TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Renewing_a_non_renewable_given_token_is_a_400_that_says_so()
    {
        using var client = Client(new TokenAuthMethodInfo(Vault.CreateToken(["ci-read"], renewable: false)));

        var error = await Should.ThrowAsync<VaultApiException>(() => client.RenewSelfAsync());

        error.StatusCode.ShouldBe(400);
        error.Message.ShouldContain("lease is not renewable");
    }

    [Fact]
    public async Task Token_that_expired_while_idle_is_replaced_by_a_fresh_login()
    {
        using var client = Client(new AppRoleAuthMethodInfo(RoleId, SecretId));
        await client.ReadSecretV2Async("ci/nexus");

        Clock.Advance(TimeSpan.FromMinutes(25));
        var secret = await client.ReadSecretV2Async("ci/nexus");

        secret.Data!.Data["password"].ShouldBe(NexusPassword);
        Requests.Skip(2).ShouldBe(["POST /v1/auth/token/renew-self", "POST /v1/auth/approle/login", "GET /v1/secret/data/ci/nexus"]);
    }
}
