using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Idp.Testing.Vault;

// What the fake stores, and how tests seed and inspect it. Mount and policy paths include a namespace prefix
// ("ns1/secret") when they live in a namespace: X-Vault-Namespace is equivalent to that prefix.
public sealed partial class FakeVault
{
    private readonly Dictionary<string, FakeKvMount> _mounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _policies = new(StringComparer.Ordinal) { ["root"] = ["*"], ["default"] = [] };
    private readonly Dictionary<string, FakeVaultToken> _tokens = new(StringComparer.Ordinal);
    private readonly List<FakeVaultRole> _roles = [];

    /// <summary>Mounts a KV version 2 engine at <paramref name="mount"/> (e.g. <c>secret</c> or <c>ns1/secret</c>).</summary>
    public void EnableKv2(string mount) => Enable(mount, 2);

    /// <summary>Mounts a KV version 1 engine at <paramref name="mount"/>.</summary>
    public void EnableKv1(string mount) => Enable(mount, 1);

    /// <summary>Writes a new version of a KV v2 secret, as <c>vault kv put</c> does; returns the version number.</summary>
    /// <param name="data">The secret's keys and values, e.g. <c>new { username = "ci", password = "s3cret" }</c>.</param>
    public int WriteKv2(string mount, string path, object data)
    {
        lock (_gate)
            return Mount(mount, 2).Secret(path, create: true)!.Write(ToMap(data), _time.GetUtcNow());
    }

    /// <summary>Soft-deletes one version of a KV v2 secret (it can be undeleted).</summary>
    public void DeleteKv2Version(string mount, string path, int version)
    {
        lock (_gate)
            Mount(mount, 2).Secret(path, create: false)!.Version(version)!.DeletionTime = _time.GetUtcNow();
    }

    /// <summary>Destroys one version of a KV v2 secret: its data is gone for good.</summary>
    public void DestroyKv2Version(string mount, string path, int version)
    {
        lock (_gate)
        {
            var found = Mount(mount, 2).Secret(path, create: false)!.Version(version)!;
            found.Destroyed = true;
            found.Data = null;
        }
    }

    /// <summary>Writes a KV v1 secret (replacing what was there).</summary>
    public void WriteKv1(string mount, string path, object data)
    {
        lock (_gate)
            Mount(mount, 1).Unversioned[path] = ToMap(data);
    }

    /// <summary>Adds a policy that grants every capability on the given paths (Vault globs: a trailing <c>*</c>, <c>+</c> for one segment).</summary>
    public void AddPolicy(string name, params string[] paths)
    {
        lock (_gate)
            _policies[name] = paths;
    }

    /// <summary>Creates a token with <paramref name="policies"/>, as <c>vault token create</c> does; returns its id.</summary>
    public string CreateToken(IReadOnlyList<string> policies, TimeSpan? ttl = null, bool renewable = true)
    {
        lock (_gate)
            return Issue("token", policies, ttl ?? TimeSpan.FromHours(1), renewable, new Dictionary<string, string>()).Id;
    }

    /// <summary>Adds an AppRole role on <c>auth/&lt;mount&gt;</c> whose login takes this role id and secret id.</summary>
    public void AddAppRole(string roleName, string roleId, string secretId, IReadOnlyList<string> policies, TimeSpan? ttl = null, bool renewable = true, string mount = "approle")
    {
        lock (_gate)
        {
            _roles.Add(new FakeVaultRole(FakeAuthKind.AppRole, mount, roleName, policies, ttl ?? TimeSpan.FromMinutes(20), renewable)
            {
                RoleId = roleId,
                SecretId = secretId,
            });
        }
    }

    /// <summary>
    /// Adds a JWT role on <c>auth/&lt;mount&gt;</c> (GitLab <c>id_tokens</c>): the token's <c>aud</c> must equal
    /// <paramref name="boundAudience"/> and each bound claim must match (globs allowed, e.g. <c>ref: "release/*"</c>).
    /// </summary>
    public void AddJwtRole(string roleName, string boundAudience, IReadOnlyDictionary<string, string> boundClaims, IReadOnlyList<string> policies, TimeSpan? ttl = null, bool renewable = true, string mount = "jwt")
    {
        lock (_gate)
        {
            _roles.Add(new FakeVaultRole(FakeAuthKind.Jwt, mount, roleName, policies, ttl ?? TimeSpan.FromMinutes(20), renewable)
            {
                BoundAudience = boundAudience,
                BoundClaims = boundClaims,
            });
        }
    }

    /// <summary>Adds a Kubernetes role on <c>auth/&lt;mount&gt;</c> bound to one service account (its token's <c>sub</c> is <c>system:serviceaccount:ns:name</c>).</summary>
    public void AddKubernetesRole(string roleName, string serviceAccountName, string serviceAccountNamespace, IReadOnlyList<string> policies, TimeSpan? ttl = null, bool renewable = true, string mount = "kubernetes")
    {
        lock (_gate)
        {
            _roles.Add(new FakeVaultRole(FakeAuthKind.Kubernetes, mount, roleName, policies, ttl ?? TimeSpan.FromMinutes(20), renewable)
            {
                BoundClaims = new Dictionary<string, string> { ["sub"] = $"system:serviceaccount:{serviceAccountNamespace}:{serviceAccountName}" },
            });
        }
    }

    /// <summary>The token with this id, or null when it never existed or was revoked.</summary>
    public FakeVaultToken? FindToken(string id)
    {
        lock (_gate)
            return _tokens.GetValueOrDefault(id);
    }

    /// <summary>An unsigned JWT (<c>alg: none</c>) carrying <paramref name="claims"/>: the fake checks claims, not signatures.</summary>
    public static string Jwt(object claims)
    {
        static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Encode(JsonSerializer.Serialize(claims))}.";
    }

    private void Enable(string mount, int version)
    {
        lock (_gate)
            _mounts[mount.Trim('/')] = new FakeKvMount(mount.Trim('/'), version);
    }

    private FakeKvMount Mount(string mount, int version) =>
        _mounts.TryGetValue(mount.Trim('/'), out var found) && found.Version == version
            ? found
            : throw new InvalidOperationException($"The fake has no KV v{version} mount '{mount}'; call EnableKv{version}(\"{mount}\") first.");

    private FakeVaultToken Issue(string displayName, IReadOnlyList<string> policies, TimeSpan ttl, bool renewable, IReadOnlyDictionary<string, string> metadata)
    {
        var id = "hvs." + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var token = new FakeVaultToken(id, displayName, policies, renewable, ttl, _time.GetUtcNow() + ttl) { Metadata = metadata };
        _tokens[id] = token;
        return token;
    }

    private static Dictionary<string, JsonElement> ToMap(object data) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(data))
            ?? throw new ArgumentException("The secret's data must be an object with keys.", nameof(data));
}
