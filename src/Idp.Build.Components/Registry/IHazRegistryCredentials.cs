using Idp.Build;
using Idp.Build.Components.Secrets;

namespace Idp.Build.Components.Registry;

/// <summary>Credentials for the registry; the password is masked in every output. Without them the registry is used anonymously.</summary>
public interface IHazRegistryCredentials : IHazRegistry
{
    // Not masked: a refused login must be able to say which user was refused.
    [Parameter("User for the registry (Nexus: a user with push rights on the docker-hosted repository)")]
    string? RegistryUsername => TryGetValue(() => RegistryUsername);

    /// <summary>The password: <c>--registry-password</c>, else idp.yaml's <c>buildSecrets.registryPassword</c> read from Vault when the build has <see cref="IVaultSecrets"/>.</summary>
    [Parameter("Password or token for the registry user")]
    [Secret]
    string? RegistryPassword => TryGetValue(() => RegistryPassword) ?? (this as IVaultSecrets)?.TryReadBuildSecret("registryPassword");

    /// <summary>The credentials, or null for anonymous access; registers the password with the masker.</summary>
    RegistryCredentials? RegistryCredentials
    {
        get
        {
            if (string.IsNullOrEmpty(RegistryUsername))
                return null;
            RegisterSecret(RegistryPassword);
            return new RegistryCredentials(RegistryUsername, RegistryPassword ?? "");
        }
    }
}
