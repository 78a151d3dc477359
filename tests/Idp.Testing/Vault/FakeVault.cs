using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;

namespace Idp.Testing.Vault;

/// <summary>
/// An in-process HashiCorp Vault HTTP API on Kestrel (127.0.0.1, a free port), written from
/// shared/reference/api-contracts.md §1: token auth (<c>X-Vault-Token</c> or <c>Bearer</c>), AppRole, JWT and
/// Kubernetes logins against configured roles, KV v2 (versions, metadata, deleted and destroyed versions, writes
/// with check-and-set) and KV v1 mounts, read policies per token with Vault's 403 body, <c>X-Vault-Namespace</c>
/// as a path prefix, token TTLs with <c>lookup-self</c>/<c>renew-self</c>/<c>revoke-self</c>, <c>sys/health</c>
/// with its status-code matrix, injectable 5xx answers and a request log.
/// </summary>
public sealed partial class FakeVault : IAsyncDisposable
{
    /// <summary>A token with every right, as Vault's root token has.</summary>
    public const string RootToken = "hvs.fake-root-token";

    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<int> _faults = new();
    private readonly ConcurrentQueue<FakeVaultRequest> _requests = new();
    private readonly TimeProvider _time;
    private LoopbackServer? _server;

    private FakeVault(TimeProvider time)
    {
        _time = time;
        _tokens[RootToken] = new FakeVaultToken(RootToken, "root", ["root"], Renewable: false, Ttl: TimeSpan.Zero, ExpiresAt: null);
    }

    /// <summary>Vault's address, <c>http://127.0.0.1:port</c> (or <c>https://</c> when started with a certificate).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Every request received, in order (faulted ones included).</summary>
    public IReadOnlyList<FakeVaultRequest> Requests => _requests.ToArray();

    /// <summary>True when Vault is sealed: health answers 503 and every other request 503 "Vault is sealed".</summary>
    public bool Sealed { get; set; }

    /// <summary>True when this node is a standby: health answers 429 unless <c>standbyok</c>.</summary>
    public bool Standby { get; set; }

    /// <summary>True when this node is a performance standby: health answers 473 unless <c>perfstandbyok</c>.</summary>
    public bool PerformanceStandby { get; set; }

    /// <summary>False before <c>vault operator init</c>: health answers 501.</summary>
    public bool Initialized { get; set; } = true;

    /// <summary>Starts a fake with no mounts, roles or tokens but <see cref="RootToken"/>.</summary>
    /// <param name="time">The clock token TTLs are measured with; the system clock when null.</param>
    /// <param name="certificate">Serves HTTPS with this certificate (it needs its private key) when given.</param>
    public static async Task<FakeVault> StartAsync(TimeProvider? time = null, X509Certificate2? certificate = null)
    {
        var fake = new FakeVault(time ?? TimeProvider.System);
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync, certificate).ConfigureAwait(false);
        fake.Address = fake._server.Address;
        return fake;
    }

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/> (e.g. 502) before handling any.</summary>
    public void FailNext(int count, int status = 500)
    {
        for (var i = 0; i < count; i++)
            _faults.Enqueue(status);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>One request as the fake received it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query, e.g. <c>/v1/secret/data/ci/nexus?version=2</c>.</param>
/// <param name="Namespace">The <c>X-Vault-Namespace</c> header, or null.</param>
/// <param name="Token">The token sent (<c>X-Vault-Token</c> or <c>Bearer</c>), or null.</param>
public sealed record FakeVaultRequest(string Method, string Path, string? Namespace, string? Token)
{
    /// <summary><c>METHOD /path?query</c>, for readable assertions.</summary>
    public override string ToString() => $"{Method} {Path}";
}
