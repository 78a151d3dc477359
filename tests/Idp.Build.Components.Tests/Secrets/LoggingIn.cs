using Idp.Build.Components.Secrets;

namespace Idp.Build.Components.Tests.Secrets;

/// <summary>The client logs in with each auth method and says what to fix when Vault refuses the login.</summary>
public class LoggingIn : FakeVaultScope
{
    [Fact]
    public async Task Given_token_is_looked_up_once_then_used_for_reads()
    {
        using var client = Client(new TokenAuthMethodInfo(ReaderToken));

        var first = await client.ReadSecretV2Async("ci/nexus");
        await client.ReadSecretV2Async("ci/nexus");

        first.Data!.Data["password"].ShouldBe(NexusPassword);
        Requests.ShouldBe(["GET /v1/auth/token/lookup-self", "GET /v1/secret/data/ci/nexus", "GET /v1/secret/data/ci/nexus"]);
        Vault.Requests.ShouldAllBe(r => r.Token == ReaderToken);
    }

    [Fact]
    public async Task AppRole_logs_in_once_and_reads_with_the_issued_token()
    {
        using var client = Client(new AppRoleAuthMethodInfo(RoleId, SecretId));

        var secret = await client.ReadSecretV2Async("ci/nexus");
        await client.ReadSecretV2Async("ci/nexus");

        secret.Data!.Data["password"].ShouldBe(NexusPassword);
        Requests.ShouldBe(["POST /v1/auth/approle/login", "GET /v1/secret/data/ci/nexus", "GET /v1/secret/data/ci/nexus"]);
        Vault.FindToken(Vault.Requests[1].Token!)!.DisplayName.ShouldBe("approle-ci-build");
    }

    [Fact]
    public async Task AppRole_on_another_mount_logs_in_there()
    {
        Vault.AddAppRole("jenkins", "jenkins-role-id", "jenkins-secret-id", ["ci-read"], mount: "jenkins-approle");
        using var client = Client(new AppRoleAuthMethodInfo("jenkins-approle", "jenkins-role-id", "jenkins-secret-id"));

        var auth = await client.LoginAsync();

        auth.TokenPolicies.ShouldBe(["default", "ci-read"]);
        Requests.ShouldBe(["POST /v1/auth/jenkins-approle/login"]);
    }

    [Fact]
    public async Task Jwt_logs_in_with_the_gitlab_id_token_and_role()
    {
        using var client = Client(new JwtAuthMethodInfo("ci-deploy", GitLabIdToken()));

        var secret = await client.ReadSecretV2Async("ci/nexus");

        secret.Data!.Data["username"].ShouldBe("ci-pusher");
        Requests[0].ShouldBe("POST /v1/auth/jwt/login");
    }

    [Fact]
    public async Task Kubernetes_logs_in_with_the_service_account_token()
    {
        using var client = Client(new KubernetesAuthMethodInfo("web", ServiceAccountToken()));

        var auth = await client.LoginAsync();

        auth.Metadata!["service_account_name"].ShouldBe("web");
        auth.Renewable.ShouldBeTrue();
        Requests.ShouldBe(["POST /v1/auth/kubernetes/login"]);
    }

    [Fact]
    public async Task Wrong_secret_id_names_the_role_and_auth_path_and_is_not_retried()
    {
        using var client = Client(new AppRoleAuthMethodInfo(RoleId, "stale-secret-id") { RoleName = "ci-build" });

        var error = await Should.ThrowAsync<VaultApiException>(() => client.ReadSecretV2Async("ci/nexus"));

        error.StatusCode.ShouldBe(400);
        error.Message.ShouldContain("refused the login of AppRole role 'ci-build' (role id '6f3c1a9e-role-id') at auth/approle");
        error.Message.ShouldContain("400: invalid role or secret ID");
        error.Message.ShouldContain("VAULT_SECRET_ID");
        error.Message.ShouldNotContain("stale-secret-id");
        Requests.ShouldBe(["POST /v1/auth/approle/login"]);
    }

    [Fact]
    public async Task Jwt_with_the_wrong_audience_names_the_role_and_says_what_must_match()
    {
        using var client = Client(new JwtAuthMethodInfo("ci-deploy", GitLabIdToken(audience: "https://gitlab.example.com")));

        var error = await Should.ThrowAsync<VaultApiException>(() => client.LoginAsync());

        error.Message.ShouldContain("JWT role 'ci-deploy' at auth/jwt");
        error.Message.ShouldContain("aud claim does not match any bound audience");
        error.Message.ShouldContain("bound_audiences");
    }

    [Fact]
    public async Task Unknown_jwt_role_is_named_with_the_mount()
    {
        using var client = Client(new JwtAuthMethodInfo("jwt", "ci-typo", GitLabIdToken()));

        var error = await Should.ThrowAsync<VaultApiException>(() => client.LoginAsync());

        error.Message.ShouldContain("role \"ci-typo\" could not be found");
        error.Message.ShouldContain("--vault-role");
    }

    [Fact]
    public async Task Refused_given_token_says_it_is_wrong_expired_or_revoked()
    {
        using var client = Client(new TokenAuthMethodInfo("hvs.revoked-long-ago"));

        var error = await Should.ThrowAsync<VaultApiException>(() => client.ReadSecretV2Async("ci/nexus"));

        error.StatusCode.ShouldBe(403);
        error.Message.ShouldContain("refused the token given with --vault-token (VAULT_TOKEN)");
        error.Message.ShouldContain("wrong, expired or revoked");
    }

    [Fact]
    public async Task Revoke_self_ends_the_token_and_the_next_read_logs_in_again()
    {
        using var client = Client(new AppRoleAuthMethodInfo(RoleId, SecretId));
        var first = await client.LoginAsync();

        await client.RevokeSelfAsync();
        await client.ReadSecretV2Async("ci/nexus");

        Vault.FindToken(first.ClientToken).ShouldBeNull();
        Requests.Count(r => r == "POST /v1/auth/approle/login").ShouldBe(2);
    }

    [Fact]
    public async Task Kubernetes_login_of_another_service_account_names_the_role()
    {
        using var client = Client(new KubernetesAuthMethodInfo("web", ServiceAccountToken(name: "default")));

        var error = await Should.ThrowAsync<VaultApiException>(() => client.LoginAsync());

        error.StatusCode.ShouldBe(403);
        error.Message.ShouldContain("refused the login of Kubernetes role 'web' at auth/kubernetes");
        error.Message.ShouldContain("service account name not authorized");
        error.Message.ShouldContain("bound_service_account_names");
    }
}
