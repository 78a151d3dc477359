using System.Runtime.CompilerServices;
using Idp.Build.Components.Descriptor;

namespace Idp.Build.Components.Secrets;

/// <summary>
/// The Vault client and the values read, one set per build instance: interface members cannot hold state, so it is
/// kept beside the build (as the descriptor is). Client failures become <see cref="BuildException"/>s, which the
/// engine prints without a stack trace.
/// </summary>
internal sealed class VaultSecretsState(IVaultSecrets build)
{
    private static readonly ConditionalWeakTable<IVaultSecrets, VaultSecretsState> States = [];
    private readonly Lock _gate = new();
    private readonly Dictionary<VaultSecretReference, string> _values = [];
    private VaultClient? _client;

    public static VaultSecretsState Of(IVaultSecrets build) => States.GetValue(build, b => new VaultSecretsState(b));

    /// <summary>The client; <paramref name="purpose"/> says in the error what needed Vault when no address is given.</summary>
    public VaultClient Client(string purpose)
    {
        lock (_gate)
        {
            if (_client is not null)
                return _client;
            if (string.IsNullOrWhiteSpace(build.VaultAddress))
            {
                throw new BuildException(
                    $"{purpose}, but --vault-address is not set. Pass --vault-address https://vault.example.internal:8200 " +
                    "(or set VAULT_ADDRESS, or add \"vaultAddress\" to .nuke/parameters.json).");
            }
            try
            {
                return _client = new VaultClient(new VaultClientSettings(build.VaultAddress, build.VaultAuthMethod)
                {
                    Namespace = build.VaultNamespace,
                    RegisterSecret = build.RegisterSecret,
                    CaCertificateFile = build.VaultCaCert?.ToString(),
                });
            }
            catch (ArgumentException error)
            {
                throw new BuildException(error.Message.Replace($" (Parameter '{error.ParamName}')", "", StringComparison.Ordinal));
            }
            catch (VaultException error)
            {
                throw new BuildException(error.Message);
            }
        }
    }

    public Task<string> ReadBuildSecretAsync(string name)
    {
        var descriptor = build.ServiceDescriptor;
        if (!descriptor.BuildSecrets.TryGetValue(name, out var reference))
        {
            var known = descriptor.BuildSecrets.Keys.Order(StringComparer.Ordinal).ToArray();
            var listed = known.Length == 0 ? "It has no buildSecrets." : $"Its build secrets are: {string.Join(", ", known)}.";
            throw new BuildException(
                $"{descriptor.SourceFile} has no build secret '{name}'.{NameSuggestions.DidYouMean(name, known)} {listed} " +
                $"Add it under 'buildSecrets:', e.g. '{name}: {{ path: secret/data/ci/nexus, key: password }}'.");
        }
        return ReadAsync(reference, $"buildSecrets.{name} of {descriptor.SourceFile} ({reference.Path}, key '{reference.Key}')");
    }

    public async Task<string> ReadAsync(VaultSecretReference reference, string what)
    {
        lock (_gate)
        {
            if (_values.TryGetValue(reference, out var known))
                return known;
        }
        var client = Client($"{what} is read from Vault");
        try
        {
            var value = await client.ReadSecretValueAsync(reference).ConfigureAwait(false);
            lock (_gate)
                _values[reference] = value;
            return value;
        }
        catch (VaultException error)
        {
            throw new BuildException($"Reading {what} failed. {error.Message}");
        }
    }
}
