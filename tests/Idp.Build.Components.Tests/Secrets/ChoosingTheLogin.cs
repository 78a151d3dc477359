using Idp.Build.Components.Secrets;
using Idp.Build.Secrets;

namespace Idp.Build.Components.Tests.Secrets;

/// <summary>IVaultSecrets logs in the way the CI host allows: JWT on GitLab CI, AppRole on Jenkins, a token elsewhere.</summary>
public class ChoosingTheLogin
{
    private static IVaultSecrets Build(Host host, Dictionary<string, string> parameters) =>
        new VaultBuild(Path.GetTempPath(), host, new SecretMasker(), parameters);

    [Fact]
    public void GitLab_with_an_id_token_logs_in_with_jwt_as_the_given_role()
    {
        var build = Build(VaultBuild.GitLab(), new() { ["VaultIdToken"] = "eyJ.id.token", ["VaultRole"] = "ci-deploy", ["VaultToken"] = "hvs.ignored" });

        var auth = build.VaultAuthMethod.ShouldBeOfType<JwtAuthMethodInfo>();

        (auth.MountPoint, auth.RoleName, auth.Jwt).ShouldBe(("jwt", "ci-deploy", "eyJ.id.token"));
    }

    [Fact]
    public void Auth_path_overrides_the_mount_with_or_without_its_auth_prefix()
    {
        var build = Build(VaultBuild.GitLab(), new() { ["VaultIdToken"] = "eyJ.id.token", ["VaultAuthPath"] = "auth/jwt-gitlab/" });

        build.VaultAuthMethod.MountPoint.ShouldBe("jwt-gitlab");
    }

    [Fact]
    public void Jenkins_with_role_and_secret_id_logs_in_with_approle()
    {
        var build = Build(VaultBuild.Jenkins(), new() { ["VaultRoleId"] = "role-id", ["VaultSecretId"] = "secret-id", ["VaultRole"] = "ci-build" });

        var auth = build.VaultAuthMethod.ShouldBeOfType<AppRoleAuthMethodInfo>();

        (auth.MountPoint, auth.RoleId, auth.SecretId, auth.RoleName).ShouldBe(("approle", "role-id", "secret-id", "ci-build"));
    }

    [Fact]
    public void GitLab_without_an_id_token_uses_the_token()
    {
        var build = Build(VaultBuild.GitLab(), new() { ["VaultToken"] = "hvs.local" });

        build.VaultAuthMethod.ShouldBeOfType<TokenAuthMethodInfo>().VaultToken.ShouldBe("hvs.local");
    }

    [Fact]
    public void Terminal_uses_the_token_even_when_approle_variables_are_set()
    {
        var build = Build(VaultBuild.Terminal(), new() { ["VaultRoleId"] = "role-id", ["VaultSecretId"] = "secret-id", ["VaultToken"] = "hvs.local" });

        build.VaultAuthMethod.ShouldBeOfType<TokenAuthMethodInfo>();
    }

    [Theory]
    [InlineData("Terminal", "Pass --vault-token or set VAULT_TOKEN")]
    [InlineData("GitLab", "give the job an id_token named VAULT_ID_TOKEN")]
    [InlineData("Jenkins", "bind the AppRole's role id and secret id as VAULT_ROLE_ID and VAULT_SECRET_ID")]
    public void No_credentials_say_what_to_set_on_this_host(string hostName, string advice)
    {
        var host = hostName switch { "GitLab" => VaultBuild.GitLab(), "Jenkins" => VaultBuild.Jenkins(), _ => VaultBuild.Terminal() };
        var build = Build(host, new() { ["VaultSecretId"] = "only-half" });

        var error = Should.Throw<BuildException>(() => build.VaultAuthMethod);

        error.Message.ShouldStartWith("No Vault credentials were found.");
        error.Message.ShouldContain(advice);
    }
}
