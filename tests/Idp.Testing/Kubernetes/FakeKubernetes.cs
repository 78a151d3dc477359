using System.Collections.Concurrent;

namespace Idp.Testing.Kubernetes;

/// <summary>
/// An in-process Kubernetes/OpenShift API server on Kestrel (127.0.0.1, a free port, plain HTTP), written from
/// shared/reference/api-contracts.md §2: deployments, replicasets, services, secrets, pods (+ logs), events and
/// OpenShift routes on raw JSON; server-side apply with field ownership, JSON and merge patches, lists with
/// selectors, watches; and a simulated Deployment controller whose new pods behave as <see cref="ImageBehaviour"/> says.
/// </summary>
public sealed partial class FakeKubernetes : IAsyncDisposable
{
    /// <summary>The Bearer token the fake accepts; anything else is answered 401.</summary>
    public const string Token = "sha256~fake-openshift-token";

    /// <summary>The user Forbidden messages name.</summary>
    public const string User = "system:serviceaccount:ci:deployer";

    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<FakeKubernetesRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private LoopbackServer? _server;
    private Task _controller = Task.CompletedTask;

    private FakeKubernetes()
    {
    }

    /// <summary>The API server's base URL, <c>http://127.0.0.1:port</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<FakeKubernetesRequest> Requests => _requests.ToArray();

    /// <summary>How the pods of a container image behave; every image is <see cref="PodBehaviour.Healthy"/> unless set.</summary>
    public Func<string, PodBehaviour> ImageBehaviour { get; set; } = _ => PodBehaviour.Healthy;

    /// <summary>
    /// How long a rollout may fail to progress before the controller reports <c>ProgressDeadlineExceeded</c>; stands in
    /// for <c>spec.progressDeadlineSeconds</c>, which is far too long for tests.
    /// </summary>
    public TimeSpan ProgressDeadline { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>How often the simulated controller takes one step.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(40);

    /// <summary>What a crash-looping container printed before it exited (the last lines are what diagnosis reads).</summary>
    public IReadOnlyList<string> CrashLog { get; set; } = DefaultCrashLog();

    /// <summary>Starts a fake API server with the given namespaces (default: <c>default</c>); others answer 404.</summary>
    public static async Task<FakeKubernetes> StartAsync(params string[] namespaces)
    {
        var fake = new FakeKubernetes();
        foreach (var ns in namespaces.Length == 0 ? ["default"] : namespaces)
            fake._namespaces.Add(ns);
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync).ConfigureAwait(false);
        fake.Url = fake._server.Address;
        fake._controller = Task.Run(() => fake.RunControllerAsync(fake._stopping.Token));
        return fake;
    }

    /// <summary>Makes <paramref name="verb"/> (get, list, watch, create, patch, delete) on <paramref name="plural"/> answer 403, as missing RBAC does.</summary>
    public void Forbid(string verb, string plural)
    {
        lock (_gate)
            _forbidden.Add((verb, plural));
    }

    /// <summary>Answers the next <paramref name="count"/> watches with an <c>ERROR</c> event (410 Expired) and closes them, to exercise re-listing.</summary>
    public void ExpireNextWatches(int count = 1)
    {
        lock (_gate)
            _watchesToExpire += count;
    }

    /// <summary>Cuts every watch event line in half, so that no client can read one; the stream itself stays open.</summary>
    public bool GarbleWatchEvents { get; set; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _controller.ConfigureAwait(false);
        if (_server is not null)
            await _server.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static string[] DefaultCrashLog() =>
    [
        .. Enumerable.Range(1, 20).Select(i => $"info: Startup[0] step {i} of start-up"),
        "info: Microsoft.Hosting.Lifetime[0] Application is starting",
        "fail: Microsoft.Extensions.Hosting.Internal.Host[11] Hosting failed to start",
        "Unhandled exception. System.InvalidOperationException: The ConnectionString property has not been initialized.",
        "   at Microsoft.Data.SqlClient.SqlConnection.PermissionDemand()",
        "   at Orders.Program.Main(String[] args) in /src/Program.cs:line 12",
    ];
}

/// <summary>One request the fake received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path and query string as sent (query still encoded).</param>
/// <param name="ContentType">The Content-Type header, if any.</param>
/// <param name="Body">The request body, empty when none.</param>
public sealed record FakeKubernetesRequest(string Method, string PathAndQuery, string? ContentType, string Body)
{
    /// <inheritdoc />
    public override string ToString() => $"{Method} {PathAndQuery}";
}
