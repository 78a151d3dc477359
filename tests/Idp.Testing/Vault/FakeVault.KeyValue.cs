using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Idp.Testing.Vault;

// KV v2 (data, metadata, delete/undelete/destroy, check-and-set) and KV v1, as vault-plugin-secrets-kv answers.
public sealed partial class FakeVault
{
    private const string V1PathOnV2Mount =
        "Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints to use. If using the Vault CLI, use 'vault kv get' for this operation.";

    private FakeAnswer Kv2(FakeKvMount mount, string method, string rest, IQueryCollection query, JsonElement body)
    {
        var slash = rest.IndexOf('/');
        var operation = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "" : rest[(slash + 1)..];
        var secret = path.Length == 0 ? null : mount.Secret(path, create: false);
        switch (method, operation)
        {
            case ("GET", "data") when path.Length > 0:
                return ReadVersion(secret, query["version"].FirstOrDefault());
            case ("POST", "data") when path.Length > 0:
                return WriteVersion(mount, path, secret, body);
            case ("DELETE", "data") when secret is { CurrentVersion: > 0 }:
                secret.Version(secret.CurrentVersion)!.DeletionTime = _time.GetUtcNow();
                return new FakeAnswer(204, null);
            case ("GET", "metadata") when secret is { CurrentVersion: > 0 }:
                return new FakeAnswer(200, Envelope(SecretMetadata(secret), mountType: "kv"));
            case ("POST", "delete" or "undelete" or "destroy") when secret is not null:
                foreach (var version in Versions(body).Select(secret.Version).OfType<FakeKvVersion>())
                    ChangeVersion(operation, version);
                return new FakeAnswer(204, null);
            case (_, "data" or "metadata" or "delete" or "undelete" or "destroy"):
                return new FakeAnswer(404, Errors());
            default:
                return new FakeAnswer(404, Envelope(null, warnings: [V1PathOnV2Mount]));
        }
    }

    private FakeAnswer ReadVersion(FakeKvSecret? secret, string? requested)
    {
        if (secret is not { CurrentVersion: > 0 })
            return new FakeAnswer(404, Errors());
        var number = int.TryParse(requested, CultureInfo.InvariantCulture, out var asked) && asked > 0 ? asked : secret.CurrentVersion;
        if (secret.Version(number) is not { } version)
            return new FakeAnswer(404, Errors());
        var metadata = version.Metadata(secret.CustomMetadata);
        if (version.Destroyed || version.DeletionTime <= _time.GetUtcNow())
            return new FakeAnswer(404, Envelope(new Dictionary<string, object?> { ["data"] = null, ["metadata"] = metadata }, mountType: "kv"));
        return new FakeAnswer(200, Envelope(new Dictionary<string, object?> { ["data"] = version.Data, ["metadata"] = metadata }, mountType: "kv"));
    }

    private FakeAnswer WriteVersion(FakeKvMount mount, string path, FakeKvSecret? secret, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            return new FakeAnswer(400, Errors("no data provided"));
        if (body.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Object
            && options.TryGetProperty("cas", out var cas) && cas.GetInt32() != (secret?.CurrentVersion ?? 0))
            return new FakeAnswer(400, Errors("check-and-set parameter did not match the current version"));
        secret ??= mount.Secret(path, create: true)!;
        var map = data.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        var number = secret.Write(map, _time.GetUtcNow());
        return new FakeAnswer(200, Envelope(secret.Version(number)!.Metadata(secret.CustomMetadata), mountType: "kv"));
    }

    private void ChangeVersion(string operation, FakeKvVersion version)
    {
        switch (operation)
        {
            case "delete":
                version.DeletionTime = _time.GetUtcNow();
                break;
            case "undelete" when !version.Destroyed:
                version.DeletionTime = null;
                break;
            case "destroy":
                version.Destroyed = true;
                version.Data = null;
                break;
        }
    }

    private static Dictionary<string, object?> SecretMetadata(FakeKvSecret secret) => new()
    {
        ["cas_required"] = false,
        ["created_time"] = Timestamp(secret.Created),
        ["current_version"] = secret.CurrentVersion,
        ["custom_metadata"] = secret.CustomMetadata.Count == 0 ? null : secret.CustomMetadata,
        ["delete_version_after"] = "0s",
        ["max_versions"] = 0,
        ["oldest_version"] = 0,
        ["updated_time"] = Timestamp(secret.Updated),
        ["versions"] = secret.Versions.ToDictionary(
            v => v.Number.ToString(CultureInfo.InvariantCulture),
            v => new Dictionary<string, object?>
            {
                ["created_time"] = Timestamp(v.Created),
                ["deletion_time"] = v.DeletionTime is { } at ? Timestamp(at) : "",
                ["destroyed"] = v.Destroyed,
            }),
    };

    private static IEnumerable<int> Versions(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("versions", out var versions) && versions.ValueKind == JsonValueKind.Array
            ? versions.EnumerateArray().Select(v => v.GetInt32())
            : [];

    private static FakeAnswer Kv1(FakeKvMount mount, string method, string path, JsonElement body)
    {
        switch (method)
        {
            case "GET" when mount.Unversioned.TryGetValue(path, out var data):
                return new FakeAnswer(200, Envelope(data, leaseDuration: 2764800, mountType: "kv"));
            case "POST" when body.ValueKind == JsonValueKind.Object:
                mount.Unversioned[path] = body.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
                return new FakeAnswer(204, null);
            case "DELETE":
                mount.Unversioned.Remove(path);
                return new FakeAnswer(204, null);
            default:
                return new FakeAnswer(404, Errors());
        }
    }
}
