using System.Text.Json.Serialization;

namespace Idp.Build.Components.Secrets;

/// <summary>Vault's answer envelope (Go <c>api.Secret</c>; named as in VaultSharp).</summary>
/// <typeparam name="TData">What <c>data</c> holds.</typeparam>
public sealed class Secret<TData>
{
    /// <summary>Vault's id of the request.</summary>
    public string? RequestId { get; init; }

    /// <summary>The lease; empty for KV.</summary>
    public string? LeaseId { get; init; }

    /// <summary>Whether the lease can be renewed.</summary>
    public bool Renewable { get; init; }

    /// <summary>The lease in seconds; for KV v1 a refresh hint.</summary>
    [JsonPropertyName("lease_duration")]
    public long LeaseDurationSeconds { get; init; }

    /// <summary>The payload.</summary>
    public TData? Data { get; init; }

    /// <summary>Vault's warnings, if any.</summary>
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>The <c>auth</c> block of a login or renewal.</summary>
    [JsonPropertyName("auth")]
    public AuthInfo? AuthInfo { get; init; }

    /// <summary>The engine type, e.g. <c>kv</c>.</summary>
    public string? MountType { get; init; }
}

/// <summary>The <c>auth</c> block of a login or token renewal.</summary>
public sealed class AuthInfo
{
    /// <summary>The token (registered with the masker before the client returns it).</summary>
    public string ClientToken { get; init; } = "";

    /// <summary>The token's accessor (not a secret: it can only look up and revoke).</summary>
    public string? Accessor { get; init; }

    /// <summary>All policies of the token.</summary>
    public IReadOnlyList<string> Policies { get; init; } = [];

    /// <summary>The policies attached to the token itself.</summary>
    public IReadOnlyList<string> TokenPolicies { get; init; } = [];

    /// <summary>The auth method's metadata, e.g. <c>role</c>, <c>service_account_name</c>.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>The token's lease in seconds.</summary>
    [JsonPropertyName("lease_duration")]
    public long LeaseDurationSeconds { get; init; }

    /// <summary>Whether <c>renew-self</c> may extend it.</summary>
    public bool Renewable { get; init; }

    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"token {Accessor} (policies {string.Join(", ", Policies)}, lease {LeaseDurationSeconds}s{(Renewable ? ", renewable" : "")})";
}

/// <summary>The calling token, as <c>auth/token/lookup-self</c> describes it.</summary>
public sealed class TokenInfo
{
    /// <summary>The token's accessor.</summary>
    public string? Accessor { get; init; }

    /// <summary>Where it came from, e.g. <c>approle</c>.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Its policies.</summary>
    public IReadOnlyList<string> Policies { get; init; } = [];

    /// <summary>Seconds left; 0 for a token that never expires.</summary>
    [JsonPropertyName("ttl")]
    public long TimeToLiveSeconds { get; init; }

    /// <summary>Whether <c>renew-self</c> may extend it.</summary>
    public bool Renewable { get; init; }

    /// <summary>When it expires (RFC 3339), or null.</summary>
    public string? ExpireTime { get; init; }
}

/// <summary><c>sys/health</c>: whether this node can serve requests.</summary>
public sealed class HealthStatus
{
    /// <summary>False before <c>vault operator init</c>.</summary>
    public bool Initialized { get; init; }

    /// <summary>True while sealed: no request can be served.</summary>
    public bool Sealed { get; init; }

    /// <summary>True on a standby node.</summary>
    public bool Standby { get; init; }

    /// <summary>True on a performance standby (Enterprise).</summary>
    public bool PerformanceStandby { get; init; }

    /// <summary>Vault's version.</summary>
    public string? Version { get; init; }

    /// <summary>The cluster's name.</summary>
    public string? ClusterName { get; init; }

    /// <summary>The server's clock, Unix seconds.</summary>
    public long ServerTimeUtc { get; init; }

    /// <summary>The status code of the answer: 200 active, 429 standby, 472 DR secondary, 473 performance standby, 501 not initialised, 503 sealed.</summary>
    [JsonIgnore]
    public int HttpStatusCode { get; internal set; }

    /// <summary>True when the node is initialised, unsealed and active.</summary>
    [JsonIgnore]
    public bool IsActive => HttpStatusCode == 200;
}
