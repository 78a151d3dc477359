using System.Collections.Concurrent;

namespace Idp.Testing.GitLab;

/// <summary>
/// An in-process GitLab REST v4 on Kestrel (127.0.0.1, a free port), written from shared/reference/api-contracts.md §4:
/// commit statuses with GitLab's state machine, merge-request notes, environments and deployments, offset
/// pagination headers, <c>PRIVATE-TOKEN</c>/<c>Bearer</c>/<c>JOB-TOKEN</c> auth with the job-token allowlist, and
/// injectable 429 (with <c>Retry-After</c>) and 5xx answers.
/// </summary>
public sealed partial class FakeGitLab : IAsyncDisposable
{
    /// <summary>The access token the fake accepts as <c>PRIVATE-TOKEN</c> or <c>Authorization: Bearer</c>.</summary>
    public const string AccessToken = "glpat-fake-access-token";

    /// <summary>The CI job token the fake accepts as <c>JOB-TOKEN</c> (only for deployments and environments).</summary>
    public const string JobToken = "glcbt-fake-job-token";

    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<(int Status, int? RetryAfterSeconds)> _faults = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private LoopbackServer? _server;

    private FakeGitLab()
    {
    }

    /// <summary>The API base, <c>http://127.0.0.1:port/api/v4</c>.</summary>
    public Uri ApiUrl { get; private set; } = null!;

    /// <summary>Every request received, as <c>METHOD /path?query</c>, in order (faulted ones included).</summary>
    public IReadOnlyList<string> Requests => _requests.ToArray();

    /// <summary>Starts a fake with no projects; add them with <see cref="AddProject"/>.</summary>
    public static async Task<FakeGitLab> StartAsync()
    {
        var fake = new FakeGitLab();
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync).ConfigureAwait(false);
        fake.ApiUrl = new Uri(fake._server.Address, "/api/v4");
        return fake;
    }

    /// <summary>Answers the next <paramref name="count"/> requests with 429 and <c>Retry-After: seconds</c>, as GitLab's rate limiter does.</summary>
    public void RateLimitNext(int count, int retryAfterSeconds)
    {
        for (var i = 0; i < count; i++)
            _faults.Enqueue((429, retryAfterSeconds));
    }

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/> (e.g. 502) before handling any.</summary>
    public void FailNext(int count, int status)
    {
        for (var i = 0; i < count; i++)
            _faults.Enqueue((status, null));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync().ConfigureAwait(false);
    }
}
