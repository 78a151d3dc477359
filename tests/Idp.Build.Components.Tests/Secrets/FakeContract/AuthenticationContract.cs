namespace Idp.Build.Components.Tests.Secrets.FakeContract;

/// <summary>The fake authenticates, logs in and authorises as Vault does (api-contracts.md §1.1, §1.4, §1.5).</summary>
public class AuthenticationContract : FakeVaultScope
{
    private const string PermissionDenied = "1 error occurred:\n\t* permission denied\n\n";

    [Theory]
    [InlineData(null)]
    [InlineData("hvs.unknown")]
    public async Task Missing_or_unknown_token_is_403_permission_denied(string? token)
    {
        using var raw = new RawVault(Vault.Address, token);

        var (status, body, _) = await raw.GetAsync("/v1/secret/data/ci/nexus");

        status.ShouldBe(403);
        body.GetProperty("errors")[0].GetString().ShouldBe(PermissionDenied);
    }

    [Fact]
    public async Task Token_as_bearer_is_accepted_like_x_vault_token()
    {
        using var raw = new RawVault(Vault.Address, ReaderToken, bearer: true);

        var (status, _, _) = await raw.GetAsync("/v1/secret/data/ci/nexus");

        status.ShouldBe(200);
    }

    [Fact]
    public async Task Path_outside_the_tokens_policies_is_403_permission_denied()
    {
        Vault.WriteKv2("secret", "payments/db", new { password = "x" });
        using var raw = new RawVault(Vault.Address, ReaderToken);

        var (status, body, _) = await raw.GetAsync("/v1/secret/data/payments/db");

        status.ShouldBe(403);
        body.GetProperty("errors")[0].GetString().ShouldBe(PermissionDenied);
    }

    [Fact]
    public async Task AppRole_login_returns_an_auth_block_whose_token_reads_the_policy_paths()
    {
        using var raw = new RawVault(Vault.Address);

        var (status, body, _) = await raw.SendAsync(HttpMethod.Post, "/v1/auth/approle/login", new { role_id = RoleId, secret_id = SecretId });
        var auth = body.GetProperty("auth");
        using var reader = new RawVault(Vault.Address, auth.GetProperty("client_token").GetString());
        var (read, _, _) = await reader.GetAsync("/v1/secret/data/ci/nexus");

        status.ShouldBe(200);
        auth.GetProperty("token_policies").EnumerateArray().Select(p => p.GetString()).ShouldBe(["default", "ci-read"]);
        auth.GetProperty("lease_duration").GetInt64().ShouldBe(1200);
        auth.GetProperty("renewable").GetBoolean().ShouldBeTrue();
        read.ShouldBe(200);
    }

    [Fact]
    public async Task AppRole_login_with_a_wrong_secret_id_is_400_invalid_role_or_secret_id()
    {
        using var raw = new RawVault(Vault.Address);

        var (status, body, _) = await raw.SendAsync(HttpMethod.Post, "/v1/auth/approle/login", new { role_id = RoleId, secret_id = "wrong" });

        status.ShouldBe(400);
        body.GetProperty("errors")[0].GetString().ShouldBe("invalid role or secret ID");
    }

    [Fact]
    public async Task Jwt_login_accepts_a_token_with_the_bound_audience_and_claims()
    {
        using var raw = new RawVault(Vault.Address);

        var (status, body, _) = await raw.SendAsync(HttpMethod.Post, "/v1/auth/jwt/login", new { role = "ci-deploy", jwt = GitLabIdToken() });

        status.ShouldBe(200);
        body.GetProperty("auth").GetProperty("metadata").GetProperty("role").GetString().ShouldBe("ci-deploy");
    }

    [Theory]
    [InlineData("https://other.example", "main", "error validating claims: aud claim does not match any bound audience")]
    [InlineData(Audience, "feature/x", "error validating claims: claim \"ref\" does not match any associated bound claim values")]
    public async Task Jwt_login_with_a_wrong_audience_or_claim_is_400_naming_it(string audience, string gitRef, string error)
    {
        using var raw = new RawVault(Vault.Address);

        var (status, body, _) = await raw.SendAsync(HttpMethod.Post, "/v1/auth/jwt/login", new { role = "ci-deploy", jwt = GitLabIdToken(audience, gitRef) });

        status.ShouldBe(400);
        body.GetProperty("errors")[0].GetString().ShouldBe(error);
    }

    [Fact]
    public async Task Jwt_login_with_an_unknown_role_is_400()
    {
        using var raw = new RawVault(Vault.Address);

        var (status, body, _) = await raw.SendAsync(HttpMethod.Post, "/v1/auth/jwt/login", new { role = "nope", jwt = GitLabIdToken() });

        status.ShouldBe(400);
        body.GetProperty("errors")[0].GetString().ShouldBe("role \"nope\" could not be found");
    }

    [Fact]
    public async Task Kubernetes_login_checks_the_service_account()
    {
        using var raw = new RawVault(Vault.Address);

        var (accepted, body, _) = await raw.SendAsync(HttpMethod.Post, "/v1/auth/kubernetes/login", new { role = "web", jwt = ServiceAccountToken() });
        var (refused, _, _) = await raw.SendAsync(HttpMethod.Post, "/v1/auth/kubernetes/login", new { role = "web", jwt = ServiceAccountToken(name: "other") });

        accepted.ShouldBe(200);
        body.GetProperty("auth").GetProperty("metadata").GetProperty("service_account_namespace").GetString().ShouldBe("payments-dev");
        refused.ShouldBe(403);
    }

    [Fact]
    public async Task Expired_token_is_403_and_renew_self_before_expiry_extends_it()
    {
        var renewed = Vault.CreateToken(["ci-read"], TimeSpan.FromMinutes(10));
        var expiring = Vault.CreateToken(["ci-read"], TimeSpan.FromMinutes(10));
        using var renewer = new RawVault(Vault.Address, renewed);
        using var idle = new RawVault(Vault.Address, expiring);

        Clock.Advance(TimeSpan.FromMinutes(8));
        var (renewal, body, _) = await renewer.SendAsync(HttpMethod.Post, "/v1/auth/token/renew-self", new { increment = "1h" });
        Clock.Advance(TimeSpan.FromMinutes(8));
        var (stillValid, _, _) = await renewer.GetAsync("/v1/secret/data/ci/nexus");
        var (expired, _, _) = await idle.GetAsync("/v1/secret/data/ci/nexus");

        renewal.ShouldBe(200);
        body.GetProperty("auth").GetProperty("lease_duration").GetInt64().ShouldBe(3600);
        stillValid.ShouldBe(200);
        expired.ShouldBe(403);
    }

    [Fact]
    public async Task Renew_self_of_a_non_renewable_token_is_400()
    {
        using var raw = new RawVault(Vault.Address, Vault.CreateToken(["ci-read"], renewable: false));

        var (status, body, _) = await raw.SendAsync(HttpMethod.Post, "/v1/auth/token/renew-self", new { });

        status.ShouldBe(400);
        body.GetProperty("errors")[0].GetString().ShouldBe("lease is not renewable");
    }

    [Fact]
    public async Task Lookup_self_tells_the_remaining_ttl_and_revoke_self_ends_the_token()
    {
        using var raw = new RawVault(Vault.Address, ReaderToken);
        Clock.Advance(TimeSpan.FromMinutes(15));

        var (lookup, body, _) = await raw.GetAsync("/v1/auth/token/lookup-self");
        var (revoke, _, _) = await raw.SendAsync(HttpMethod.Post, "/v1/auth/token/revoke-self");
        var (after, _, _) = await raw.GetAsync("/v1/auth/token/lookup-self");

        lookup.ShouldBe(200);
        body.GetProperty("data").GetProperty("ttl").GetInt64().ShouldBe(2700);
        body.GetProperty("data").GetProperty("policies").EnumerateArray().Select(p => p.GetString()).ShouldBe(["ci-read"]);
        revoke.ShouldBe(204);
        after.ShouldBe(403);
    }
}
