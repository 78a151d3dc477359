using System.Text.Json;

namespace Idp.Testing.Vault;

/// <summary>A token the fake issued: its policies and lifetime.</summary>
/// <param name="Id">The token (<c>client_token</c>).</param>
/// <param name="DisplayName">Where it came from: <c>token</c>, <c>approle</c>, <c>jwt-…</c>.</param>
/// <param name="Policies">The policy names it carries.</param>
/// <param name="Renewable">Whether <c>renew-self</c> may extend it.</param>
/// <param name="Ttl">The lease it was issued with (zero: never expires, as the root token).</param>
/// <param name="ExpiresAt">When it stops working; null for never.</param>
public sealed record FakeVaultToken(string Id, string DisplayName, IReadOnlyList<string> Policies, bool Renewable, TimeSpan Ttl, DateTimeOffset? ExpiresAt)
{
    /// <summary>The <c>auth.metadata</c> of the login that issued it.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>How many times <c>renew-self</c> extended it.</summary>
    public int Renewals { get; init; }

    /// <summary>A stable accessor derived from the id.</summary>
    public string Accessor => "acc-" + Id[^8..];
}

internal enum FakeAuthKind
{
    AppRole,
    Jwt,
    Kubernetes,
}

internal sealed record FakeVaultRole(FakeAuthKind Kind, string Mount, string Name, IReadOnlyList<string> Policies, TimeSpan Ttl, bool Renewable)
{
    public string? RoleId { get; init; }
    public string? SecretId { get; init; }
    public string? BoundAudience { get; init; }
    public IReadOnlyDictionary<string, string> BoundClaims { get; init; } = new Dictionary<string, string>();
}

internal sealed class FakeKvMount(string path, int version)
{
    private readonly Dictionary<string, FakeKvSecret> _secrets = new(StringComparer.Ordinal);

    public string Path { get; } = path;
    public int Version { get; } = version;
    public Dictionary<string, Dictionary<string, JsonElement>> Unversioned { get; } = new(StringComparer.Ordinal);

    public FakeKvSecret? Secret(string path, bool create)
    {
        path = path.Trim('/');
        if (!_secrets.TryGetValue(path, out var secret) && create)
            _secrets[path] = secret = new FakeKvSecret();
        return secret;
    }
}

internal sealed class FakeKvSecret
{
    public List<FakeKvVersion> Versions { get; } = [];
    public Dictionary<string, string> CustomMetadata { get; } = new(StringComparer.Ordinal);
    public DateTimeOffset Created { get; private set; }
    public DateTimeOffset Updated { get; private set; }
    public int CurrentVersion => Versions.Count;

    public FakeKvVersion? Version(int number) => number >= 1 && number <= Versions.Count ? Versions[number - 1] : null;

    public int Write(Dictionary<string, JsonElement> data, DateTimeOffset now)
    {
        if (Versions.Count == 0)
            Created = now;
        Updated = now;
        Versions.Add(new FakeKvVersion(Versions.Count + 1, now) { Data = data });
        return Versions.Count;
    }
}

internal sealed class FakeKvVersion(int number, DateTimeOffset created)
{
    public int Number { get; } = number;
    public DateTimeOffset Created { get; } = created;
    public Dictionary<string, JsonElement>? Data { get; set; }
    public DateTimeOffset? DeletionTime { get; set; }
    public bool Destroyed { get; set; }

    public object Metadata(Dictionary<string, string> customMetadata) => new Dictionary<string, object?>
    {
        ["created_time"] = FakeVault.Timestamp(Created),
        ["custom_metadata"] = customMetadata.Count == 0 ? null : customMetadata,
        ["deletion_time"] = DeletionTime is { } at ? FakeVault.Timestamp(at) : "",
        ["destroyed"] = Destroyed,
        ["version"] = Number,
    };
}
