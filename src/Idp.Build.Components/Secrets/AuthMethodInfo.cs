namespace Idp.Build.Components.Secrets;

/// <summary>
/// How <see cref="VaultClient"/> gets its token (named as in VaultSharp): a token as given, or a login with
/// <see cref="AppRoleAuthMethodInfo"/>, <see cref="JwtAuthMethodInfo"/> or <see cref="KubernetesAuthMethodInfo"/>.
/// The credentials never appear in <see cref="object.ToString"/>.
/// </summary>
public abstract class AuthMethodInfo
{
    private protected AuthMethodInfo(string mountPoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mountPoint);
        MountPoint = mountPoint.Trim('/');
    }

    /// <summary>The auth mount, e.g. <c>approle</c> for <c>auth/approle</c>.</summary>
    public string MountPoint { get; }

    /// <summary>True when the client can log in again by itself once the token cannot be renewed.</summary>
    internal virtual bool CanLogIn => true;

    /// <summary>The login path below <c>/v1/</c>.</summary>
    internal string LoginPath => $"auth/{MountPoint}/login";

    /// <summary>The values to register with the masker before anything is sent.</summary>
    internal abstract IEnumerable<string?> Secrets { get; }

    /// <summary>The login request's body.</summary>
    internal abstract VaultRequest LoginBody { get; }

    /// <summary>What a person must check when Vault refuses this login.</summary>
    internal abstract string LoginHint { get; }

    /// <summary>Who logs in, for messages, e.g. <c>JWT role 'ci-deploy' at auth/jwt</c>.</summary>
    public abstract override string ToString();
}

/// <summary>A Vault token as given (<c>--vault-token</c>, <c>VAULT_TOKEN</c>): no login.</summary>
public sealed class TokenAuthMethodInfo(string vaultToken) : AuthMethodInfo("token")
{
    /// <summary>The token.</summary>
    public string VaultToken { get; } = string.IsNullOrWhiteSpace(vaultToken)
        ? throw new ArgumentException("The Vault token is empty; pass --vault-token or set VAULT_TOKEN.", nameof(vaultToken))
        : vaultToken;

    internal override bool CanLogIn => false;

    internal override IEnumerable<string?> Secrets => [VaultToken];

    internal override VaultRequest LoginBody => throw new NotSupportedException("A token needs no login.");

    internal override string LoginHint => "Pass a current token with --vault-token (or VAULT_TOKEN): check it with 'vault token lookup'.";

    /// <inheritdoc />
    public override string ToString() => "the token given with --vault-token (VAULT_TOKEN)";
}

/// <summary>AppRole login, <c>POST /v1/auth/&lt;mount&gt;/login {role_id, secret_id}</c>: the Jenkins way.</summary>
/// <param name="mountPoint">The AppRole mount; <c>approle</c> by default.</param>
/// <param name="roleId">The role id (like a user name; shown in messages).</param>
/// <param name="secretId">The secret id (masked).</param>
public sealed class AppRoleAuthMethodInfo(string mountPoint, string roleId, string secretId) : AuthMethodInfo(mountPoint)
{
    /// <summary>AppRole on the default mount <c>approle</c>.</summary>
    public AppRoleAuthMethodInfo(string roleId, string secretId)
        : this("approle", roleId, secretId)
    {
    }

    /// <summary>The role id.</summary>
    public string RoleId { get; } = roleId;

    /// <summary>The secret id.</summary>
    public string SecretId { get; } = secretId;

    /// <summary>The role's name, when known: only used to make messages clearer.</summary>
    public string? RoleName { get; init; }

    internal override IEnumerable<string?> Secrets => [SecretId];

    internal override VaultRequest LoginBody => new() { RoleId = RoleId, SecretId = SecretId };

    internal override string LoginHint =>
        $"Check the role id (VAULT_ROLE_ID) and secret id (VAULT_SECRET_ID): a secret id expires and may be limited to a number of uses, so a Jenkins credential may need a fresh one ('vault write -f auth/{MountPoint}/role/<role>/secret-id'). " +
        $"If AppRole is mounted elsewhere than auth/{MountPoint}, give the mount with --vault-auth-path.";

    /// <inheritdoc />
    public override string ToString() => RoleName is null
        ? $"AppRole role id '{RoleId}' at auth/{MountPoint}"
        : $"AppRole role '{RoleName}' (role id '{RoleId}') at auth/{MountPoint}";
}

/// <summary>JWT login, <c>POST /v1/auth/&lt;mount&gt;/login {role, jwt}</c>: GitLab CI's <c>id_tokens</c>.</summary>
/// <param name="mountPoint">The JWT mount; <c>jwt</c> by default.</param>
/// <param name="roleName">The role; null uses the mount's <c>default_role</c>.</param>
/// <param name="jwt">The signed token (masked), e.g. <c>$VAULT_ID_TOKEN</c>.</param>
public sealed class JwtAuthMethodInfo(string mountPoint, string? roleName, string jwt) : AuthMethodInfo(mountPoint)
{
    /// <summary>JWT on the default mount <c>jwt</c>.</summary>
    public JwtAuthMethodInfo(string? roleName, string jwt)
        : this("jwt", roleName, jwt)
    {
    }

    /// <summary>The role, or null for the mount's default role.</summary>
    public string? RoleName { get; } = roleName;

    /// <summary>The JWT.</summary>
    public string Jwt { get; } = jwt;

    internal override IEnumerable<string?> Secrets => [Jwt];

    internal override VaultRequest LoginBody => new() { Role = RoleName, Jwt = Jwt };

    internal override string LoginHint =>
        $"Check that role '{RoleName ?? "(default_role)"}' exists on auth/{MountPoint} (--vault-role, --vault-auth-path), that its bound_audiences equals the 'aud' of the job's id_token " +
        "(the 'aud:' under id_tokens: in .gitlab-ci.yml), and that its bound_claims (project_id, ref, ref_type, ref_protected…) match this pipeline.";

    /// <inheritdoc />
    public override string ToString() => $"JWT role '{RoleName ?? "(default_role)"}' at auth/{MountPoint}";
}

/// <summary>Kubernetes login, <c>POST /v1/auth/&lt;mount&gt;/login {role, jwt}</c> with the pod's service-account token.</summary>
/// <param name="mountPoint">The Kubernetes mount; <c>kubernetes</c> by default.</param>
/// <param name="roleName">The role.</param>
/// <param name="jwt">The service-account token (masked), e.g. from <c>/var/run/secrets/kubernetes.io/serviceaccount/token</c>.</param>
public sealed class KubernetesAuthMethodInfo(string mountPoint, string roleName, string jwt) : AuthMethodInfo(mountPoint)
{
    /// <summary>Kubernetes on the default mount <c>kubernetes</c>.</summary>
    public KubernetesAuthMethodInfo(string roleName, string jwt)
        : this("kubernetes", roleName, jwt)
    {
    }

    /// <summary>The pod's service-account token file.</summary>
    public const string ServiceAccountTokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    /// <summary>The role.</summary>
    public string RoleName { get; } = roleName;

    /// <summary>The service-account token.</summary>
    public string Jwt { get; } = jwt;

    internal override IEnumerable<string?> Secrets => [Jwt];

    internal override VaultRequest LoginBody => new() { Role = RoleName, Jwt = Jwt };

    internal override string LoginHint =>
        $"Check that role '{RoleName}' exists on auth/{MountPoint} and that its bound_service_account_names and bound_service_account_namespaces include this pod's service account.";

    /// <inheritdoc />
    public override string ToString() => $"Kubernetes role '{RoleName}' at auth/{MountPoint}";
}
