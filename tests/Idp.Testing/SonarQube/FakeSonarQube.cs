using System.Collections.Concurrent;

namespace Idp.Testing.SonarQube;

/// <summary>
/// An in-process SonarQube Web API on Kestrel (127.0.0.1, a free port), written from
/// shared/reference/api-contracts.md §3: Bearer and Basic(token:) auth with 401 and 403, scripted Compute Engine
/// tasks, quality-gate status with SonarQube's parameter validation and error bodies, server version and status,
/// a <c>report-task.txt</c> writer, injectable 5xx answers, and the few endpoints SonarScanner for .NET's
/// <c>begin</c> step reads. Records every request it receives.
/// </summary>
public sealed partial class FakeSonarQube : IAsyncDisposable
{
    /// <summary>A token with every permission, accepted as Bearer and as Basic user name.</summary>
    public const string Token = "squ_fake0000000000000000000000000000000001";

    /// <summary>A valid token whose user lacks the project permissions: project resources answer 403.</summary>
    public const string TokenWithoutPermission = "squ_fake0000000000000000000000000000000403";

    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<int> _faults = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private LoopbackServer? _server;

    private FakeSonarQube()
    {
    }

    /// <summary>The server's base URL, <c>http://127.0.0.1:port</c> (no trailing slash).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The version the server reports; scanner 12 requires 2025.1 or newer.</summary>
    public string ServerVersion { get; set; } = "2025.1.0.102418";

    /// <summary>False makes the fake behave like a server before 10.0: Bearer is answered with 401, only Basic works.</summary>
    public bool AcceptsBearer { get; set; } = true;

    /// <summary>Every request received, in order (faulted ones included).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Starts a fake with no tasks and no analyses.</summary>
    public static async Task<FakeSonarQube> StartAsync()
    {
        var fake = new FakeSonarQube();
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync).ConfigureAwait(false);
        fake.Url = fake._server.Address;
        return fake;
    }

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/> (e.g. 503) before handling any.</summary>
    public void FailNext(int count, int status)
    {
        for (var i = 0; i < count; i++)
            _faults.Enqueue(status);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync().ConfigureAwait(false);
        _server = null;
    }
}

/// <summary>A request the fake received: method, path with query, the Authorization scheme used (or null) and the status answered.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string? AuthorizationScheme, int Status)
{
    /// <summary>The path without the query.</summary>
    public string Path => PathAndQuery.Split('?')[0];

    /// <inheritdoc />
    public override string ToString() => $"{Method} {PathAndQuery} [{AuthorizationScheme ?? "anonymous"}] → {Status}";
}
