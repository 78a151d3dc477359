using Idp.Build.Components.Descriptor;

namespace Idp.Build.Components.Secrets;

/// <summary>
/// A Vault API path as <c>idp.yaml</c> writes it, split into mount and secret: <c>secret/data/ci/nexus</c> is the
/// KV v2 mount <c>secret</c> and secret <c>ci/nexus</c>; without <c>data/</c> after the mount (<c>kv/ci/nexus</c>)
/// it is KV v1. The mount is the first segment.
/// </summary>
/// <param name="Mount">The engine's mount, e.g. <c>secret</c>.</param>
/// <param name="Path">The secret within the mount, e.g. <c>ci/nexus</c>.</param>
/// <param name="KvVersion">1 or 2.</param>
public sealed record VaultSecretPath(string Mount, string Path, int KvVersion)
{
    /// <summary>Splits <paramref name="apiPath"/>; a <see cref="VaultException"/> naming it when it has no secret part.</summary>
    public static VaultSecretPath Parse(string apiPath)
    {
        var segments = (apiPath ?? "").Trim().Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length >= 3 && segments[1] == "data")
            return new VaultSecretPath(segments[0], string.Join('/', segments[2..]), 2);
        if (segments.Length >= 2 && segments[1] != "data")
            return new VaultSecretPath(segments[0], string.Join('/', segments[1..]), 1);
        throw new VaultException(
            $"'{apiPath}' is not a Vault secret path. Write '<mount>/data/<secret>' for KV v2 (e.g. secret/data/ci/nexus) or '<mount>/<secret>' for KV v1 (e.g. kv/ci/nexus).");
    }

    /// <summary>The same split for a reference from <c>idp.yaml</c>.</summary>
    public static VaultSecretPath Of(VaultSecretReference reference) => Parse(reference?.Path ?? throw new ArgumentNullException(nameof(reference)));

    /// <summary>The API path, e.g. <c>secret/data/ci/nexus</c>.</summary>
    public override string ToString() => KvVersion == 2 ? $"{Mount}/data/{Path}" : $"{Mount}/{Path}";
}
