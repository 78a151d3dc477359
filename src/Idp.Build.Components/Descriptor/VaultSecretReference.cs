namespace Idp.Build.Components.Descriptor;

/// <summary>One value in Vault: the secret's API path (e.g. <c>secret/data/ci/nexus</c> for KV v2) and the key within it.</summary>
public sealed record VaultSecretReference(string Path, string Key);
