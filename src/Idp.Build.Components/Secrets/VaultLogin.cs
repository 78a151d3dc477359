namespace Idp.Build.Components.Secrets;

/// <summary>Chooses the Vault login from the CI host and the credentials it provides.</summary>
internal static class VaultLogin
{
    public static AuthMethodInfo Choose(IVaultSecrets build)
    {
        var mount = string.IsNullOrWhiteSpace(build.VaultAuthPath) ? null : build.VaultAuthPath.Trim().Trim('/');
        if (mount is not null && mount.StartsWith("auth/", StringComparison.Ordinal))
            mount = mount["auth/".Length..];
        if (build.Host is GitLabCi && !string.IsNullOrEmpty(build.VaultIdToken))
            return new JwtAuthMethodInfo(mount ?? "jwt", build.VaultRole, build.VaultIdToken);
        if (build.Host is Jenkins && !string.IsNullOrEmpty(build.VaultRoleId) && !string.IsNullOrEmpty(build.VaultSecretId))
            return new AppRoleAuthMethodInfo(mount ?? "approle", build.VaultRoleId, build.VaultSecretId) { RoleName = build.VaultRole };
        if (!string.IsNullOrEmpty(build.VaultToken))
            return new TokenAuthMethodInfo(build.VaultToken);
        throw new BuildException("No Vault credentials were found. " + build.Host switch
        {
            GitLabCi => "On GitLab CI, give the job an id_token named VAULT_ID_TOKEN whose aud is the bound audience of the Vault JWT role " +
                        "(id_tokens: { VAULT_ID_TOKEN: { aud: https://vault.example.internal } }) and pass the role with --vault-role; or set VAULT_TOKEN.",
            Jenkins => "On Jenkins, bind the AppRole's role id and secret id as VAULT_ROLE_ID and VAULT_SECRET_ID (withCredentials), or set VAULT_TOKEN.",
            _ => "Pass --vault-token or set VAULT_TOKEN (after 'vault login', 'vault print token' shows your token).",
        });
    }
}
