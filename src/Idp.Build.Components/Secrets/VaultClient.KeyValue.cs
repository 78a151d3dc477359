using System.Globalization;
using System.Net;
using System.Text.Json;
using Idp.Build.Components.Descriptor;

namespace Idp.Build.Components.Secrets;

// KV reads. Every value is registered with the masker before a caller can see it; a 404 says whether the secret,
// the version or the data is missing (a deleted or destroyed version answers 404 with its metadata).
public sealed partial class VaultClient
{
    private const string V2MountWarning = "Invalid path for a versioned K/V secrets engine";

    /// <summary>Reads a KV v2 secret: the latest version, or <paramref name="version"/> (<c>GET /v1/&lt;mount&gt;/data/&lt;path&gt;</c>).</summary>
    public async Task<Secret<SecretData>> ReadSecretV2Async(string path, int? version = null, string mountPoint = "secret", CancellationToken cancellationToken = default)
    {
        var secret = new VaultSecretPath(mountPoint.Trim('/'), path.Trim('/'), 2);
        var query = version is > 0 ? $"?version={version.Value.ToString(CultureInfo.InvariantCulture)}" : "";
        var answer = await SendAsync(HttpMethod.Get, $"{secret}{query}", null, await TokenAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        if (answer.Status == 404)
            throw V2NotFound(answer, secret, version);
        if (!answer.IsSuccess)
            throw Failure(answer, HttpMethod.Get, secret.ToString());
        using var document = Parse(answer, secret);
        var root = document.RootElement;
        var data = root.TryGetProperty("data", out var envelope) && envelope.ValueKind == JsonValueKind.Object ? envelope : default;
        return new Secret<SecretData>
        {
            RequestId = Text(root, "request_id"),
            LeaseId = Text(root, "lease_id"),
            MountType = Text(root, "mount_type"),
            Warnings = Warnings(root),
            Data = new SecretData
            {
                Data = Values(data.ValueKind == JsonValueKind.Object && data.TryGetProperty("data", out var values) ? values : default),
                Metadata = Metadata(data.ValueKind == JsonValueKind.Object && data.TryGetProperty("metadata", out var metadata) ? metadata : default),
            },
        };
    }

    /// <summary>Reads a KV v1 secret (<c>GET /v1/&lt;mount&gt;/&lt;path&gt;</c>).</summary>
    public async Task<Secret<IReadOnlyDictionary<string, string>>> ReadSecretV1Async(string path, string mountPoint = "secret", CancellationToken cancellationToken = default)
    {
        var secret = new VaultSecretPath(mountPoint.Trim('/'), path.Trim('/'), 1);
        var answer = await SendAsync(HttpMethod.Get, secret.ToString(), null, await TokenAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        if (answer.Status == 404)
            throw V1NotFound(answer, secret);
        if (!answer.IsSuccess)
            throw Failure(answer, HttpMethod.Get, secret.ToString());
        using var document = Parse(answer, secret);
        var root = document.RootElement;
        return new Secret<IReadOnlyDictionary<string, string>>
        {
            RequestId = Text(root, "request_id"),
            LeaseDurationSeconds = root.TryGetProperty("lease_duration", out var lease) && lease.TryGetInt64(out var seconds) ? seconds : 0,
            MountType = Text(root, "mount_type"),
            Warnings = Warnings(root),
            Data = Values(root.TryGetProperty("data", out var data) ? data : default),
        };
    }

    /// <summary>
    /// Reads one value named by an <c>idp.yaml</c> reference (<c>secret/data/ci/nexus</c> + key: KV v2; without
    /// <c>data/</c>: KV v1). Never empty: a missing key names the keys that exist, an empty value is an error.
    /// </summary>
    public async Task<string> ReadSecretValueAsync(VaultSecretReference reference, CancellationToken cancellationToken = default)
    {
        var secret = VaultSecretPath.Of(reference);
        var values = secret.KvVersion == 2
            ? (await ReadSecretV2Async(secret.Path, null, secret.Mount, cancellationToken).ConfigureAwait(false)).Data!.Data
            : (await ReadSecretV1Async(secret.Path, secret.Mount, cancellationToken).ConfigureAwait(false)).Data!;
        if (!values.TryGetValue(reference.Key, out var value))
        {
            var keys = values.Count == 0 ? "it has no keys at all" : "its keys are: " + string.Join(", ", values.Keys.Order(StringComparer.Ordinal));
            throw new VaultException(
                $"The Vault secret {secret}{InNamespace} has no key '{reference.Key}'; {keys}. Correct the key in idp.yaml, or add '{reference.Key}' to the secret in Vault.");
        }
        if (string.IsNullOrEmpty(value))
            throw new VaultException($"The key '{reference.Key}' of the Vault secret {secret}{InNamespace} is empty. Put the value in Vault; an empty secret is never used.");
        return value;
    }

    private VaultApiException V2NotFound(VaultAnswer answer, VaultSecretPath secret, int? version)
    {
        var cli = $"-mount={secret.Mount} {secret.Path}";
        if (DeletedVersion(answer) is { } metadata)
        {
            var message = metadata.Destroyed
                ? $"Version {metadata.Version} of the Vault secret {secret}{InNamespace} was destroyed: its data is gone for good. Write the secret again ('vault kv put {cli} …') or read another version."
                : $"Version {metadata.Version} of the Vault secret {secret}{InNamespace} was deleted{(metadata.DeletionTime is { } at ? " at " + at.ToString("u", CultureInfo.InvariantCulture) : "")}. " +
                  $"Restore it with 'vault kv undelete -versions={metadata.Version} {cli}', or write a new version.";
            return new VaultApiException(message, HttpStatusCode.NotFound, answer.Errors);
        }
        var what = version is > 0 ? $"version {version} of the secret {secret}" : $"secret at {secret}";
        return new VaultApiException(
            $"Vault at {Address}{InNamespace} has no {what} (KV v2 mount '{secret.Mount}', secret '{secret.Path}'). " +
            $"Check the path (KV v2 paths carry 'data/' after the mount; 'vault kv metadata get {cli}' lists the versions), the mount and --vault-namespace.",
            HttpStatusCode.NotFound,
            answer.Errors);
    }

    private VaultApiException V1NotFound(VaultAnswer answer, VaultSecretPath secret)
    {
        using var document = TryParse(answer.Body);
        var onV2Mount = document is not null && Warnings(document.RootElement)?.Any(w => w.Contains(V2MountWarning, StringComparison.Ordinal)) == true;
        var message = onV2Mount
            ? $"{secret} is on a KV v2 mount, read as KV v1. Write the path with 'data/' after the mount: {secret.Mount}/data/{secret.Path}."
            : $"Vault at {Address}{InNamespace} has no secret at {secret} (KV v1 mount '{secret.Mount}', secret '{secret.Path}'). Check the path, the mount and --vault-namespace; a KV v2 path carries 'data/' after the mount.";
        return new VaultApiException(message, HttpStatusCode.NotFound, answer.Errors);
    }

    /// <summary>The metadata of a 404 that is a deleted or destroyed version (a full envelope, not <c>{"errors":[]}</c>).</summary>
    private static CurrentSecretMetadata? DeletedVersion(VaultAnswer answer)
    {
        using var document = TryParse(answer.Body);
        if (document is null
            || !document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var parsed = Metadata(metadata);
        return parsed.Destroyed || parsed.DeletionTime is not null ? parsed : null;
    }

    /// <summary>The values as text, each registered with the masker before anything returns them.</summary>
    private Dictionary<string, string> Values(JsonElement data)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.ValueKind != JsonValueKind.Object)
            return values;
        foreach (var property in data.EnumerateObject())
        {
            var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            // Masking "true", "false" or "null" would blank those words in every line the build prints; they reveal nothing.
            if (property.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
                _settings.RegisterSecret(value);
            values[property.Name] = value;
        }
        return values;
    }

    private static CurrentSecretMetadata Metadata(JsonElement metadata)
    {
        if (metadata.ValueKind != JsonValueKind.Object)
            return new CurrentSecretMetadata();
        return new CurrentSecretMetadata
        {
            CreatedTime = Time(Text(metadata, "created_time")),
            DeletionTime = Time(Text(metadata, "deletion_time")),
            Destroyed = metadata.TryGetProperty("destroyed", out var destroyed) && destroyed.ValueKind == JsonValueKind.True,
            Version = metadata.TryGetProperty("version", out var version) && version.TryGetInt32(out var number) ? number : 0,
            CustomMetadata = metadata.TryGetProperty("custom_metadata", out var custom) && custom.ValueKind == JsonValueKind.Object
                ? custom.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal)
                : new Dictionary<string, string>(),
        };
    }

    private JsonDocument Parse(VaultAnswer answer, VaultSecretPath secret) =>
        TryParse(answer.Body) ?? throw new VaultException(
            $"Vault's answer to GET /v1/{secret} is not JSON: {VaultAnswer.Shorten(answer.Body)}. Check that --vault-address ({Address}) points at Vault itself, not at a proxy's page.");

    private static JsonDocument? TryParse(string body)
    {
        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
                return document;
            document.Dispose();
        }
        catch (JsonException)
        {
            // Not JSON: the caller says so.
        }
        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static string[]? Warnings(JsonElement root) =>
        root.TryGetProperty("warnings", out var warnings) && warnings.ValueKind == JsonValueKind.Array
            ? warnings.EnumerateArray().Select(w => w.ToString()).ToArray()
            : null;
}
