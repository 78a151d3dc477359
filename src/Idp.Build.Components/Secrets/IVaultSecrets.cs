using Idp.Build.Components.Descriptor;

namespace Idp.Build.Components.Secrets;

/// <summary>
/// Reads secrets from Vault for the build: the <c>buildSecrets</c> of <c>idp.yaml</c> (e.g. the registry password)
/// and any <see cref="VaultSecretReference"/> a component asks for. The login follows the CI host: JWT with the
/// job's <c>VAULT_ID_TOKEN</c> on GitLab CI, AppRole with <c>VAULT_ROLE_ID</c>/<c>VAULT_SECRET_ID</c> on Jenkins,
/// a token (<c>--vault-token</c>/<c>VAULT_TOKEN</c>) otherwise. Every value read is masked in all output.
/// </summary>
public interface IVaultSecrets : IHazServiceDescriptor
{
    /// <summary>Vault's address: <c>--vault-address</c>, else Vault's own <c>VAULT_ADDR</c> variable.</summary>
    [Parameter("Vault's address, e.g. https://vault.example.internal:8200 (default: VAULT_ADDR)")]
    string? VaultAddress => TryGetValue(() => VaultAddress) ?? (System.Environment.GetEnvironmentVariable("VAULT_ADDR") is { Length: > 0 } address ? address : null);

    /// <summary>The Vault Enterprise/HCP namespace, sent as <c>X-Vault-Namespace</c>.</summary>
    [Parameter("Vault namespace (Enterprise/HCP), e.g. payments/")]
    string? VaultNamespace => TryGetValue(() => VaultNamespace);

    /// <summary>The role the build logs in as: the JWT role on GitLab CI; on Jenkins only named in messages.</summary>
    [Parameter("Vault role the build logs in as (JWT role on GitLab CI)")]
    string? VaultRole => TryGetValue(() => VaultRole);

    /// <summary>The auth method's mount when it is not the default (<c>jwt</c> on GitLab CI, <c>approle</c> on Jenkins).</summary>
    [Parameter("Mount of Vault's auth method when not the default (jwt on GitLab CI, approle on Jenkins), e.g. jwt-gitlab")]
    string? VaultAuthPath => TryGetValue(() => VaultAuthPath);

    /// <summary>A Vault token, for local runs.</summary>
    [Parameter("Vault token (local runs; 'vault print token' shows yours)")]
    [Secret]
    string? VaultToken => TryGetValue(() => VaultToken);

    /// <summary>GitLab CI's id_token for Vault (<c>id_tokens: VAULT_ID_TOKEN: aud: …</c> in the job).</summary>
    [Parameter("GitLab CI id_token for Vault's JWT auth (id_tokens: VAULT_ID_TOKEN in the job)")]
    [Secret]
    string? VaultIdToken => TryGetValue(() => VaultIdToken);

    /// <summary>The AppRole role id (Jenkins).</summary>
    [Parameter("AppRole role id for Vault (Jenkins)")]
    string? VaultRoleId => TryGetValue(() => VaultRoleId);

    /// <summary>The AppRole secret id (Jenkins credential).</summary>
    [Parameter("AppRole secret id for Vault (Jenkins credential)")]
    [Secret]
    string? VaultSecretId => TryGetValue(() => VaultSecretId);

    /// <summary>A PEM file with the CA that signed Vault's certificate, when the machine does not trust it.</summary>
    [Parameter("PEM file with the CA that signed Vault's certificate (when the machine's trust store lacks it)")]
    AbsolutePath? VaultCaCert => TryGetValue(() => VaultCaCert);

    /// <summary>How the build logs in to Vault on this host; a <see cref="BuildException"/> saying what to set when nothing fits.</summary>
    AuthMethodInfo VaultAuthMethod => VaultLogin.Choose(this);

    /// <summary>The build's Vault client, created on first use; a <see cref="BuildException"/> when <c>--vault-address</c> is missing.</summary>
    VaultClient VaultClient => VaultSecretsState.Of(this).Client("Vault is used");

    /// <summary>Reads the <c>idp.yaml</c> <c>buildSecrets</c> entry <paramref name="name"/> (read once per build, masked).</summary>
    Task<string> ReadBuildSecretAsync(string name) => VaultSecretsState.Of(this).ReadBuildSecretAsync(name);

    /// <summary>Reads one value from Vault (read once per build, masked); for components such as the deploy's Kubernetes Secrets.</summary>
    Task<string> ReadSecretAsync(VaultSecretReference reference) => VaultSecretsState.Of(this).ReadAsync(reference, $"{reference.Path} (key '{reference.Key}')");

    /// <summary>
    /// The <c>buildSecrets</c> entry <paramref name="name"/> read at once, or null when <c>idp.yaml</c> has no such
    /// entry: for synchronous getters such as the registry password.
    /// </summary>
    string? TryReadBuildSecret(string name) =>
        ServiceDescriptor.BuildSecrets.ContainsKey(name) ? ReadBuildSecretAsync(name).GetAwaiter().GetResult() : null;
}
