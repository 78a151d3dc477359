using k8s;
using k8s.Autorest;

namespace Idp.Build.Components.Deploy.Kubernetes;

/// <summary>
/// Deploys rendered manifests to one cluster with KubernetesClient: server-side apply (field manager
/// <see cref="FieldManager"/>), a server-side dry run for plans, the rollout wait exactly as
/// <c>kubectl rollout status</c> decides, rollback as <c>kubectl rollout undo</c> does it, and the evidence a
/// diagnosis of a failed rollout needs. Build one per connection; every method takes a cancellation token.
/// </summary>
public sealed partial class KubernetesDeployer : IDisposable
{
    /// <summary>The field manager every apply uses, so the cluster records Idp.Build as the owner of what it sets.</summary>
    public const string FieldManager = "idp-build";

    // A separate manager for the rollback's JSON patch: it is an Update, and the next apply takes the fields back.
    private const string RollbackFieldManager = "idp-build-rollback";

    private readonly IKubernetes _client;
    private readonly string _server;

    /// <summary>Connects to the cluster <paramref name="connection"/> describes (nothing is sent until a method is called).</summary>
    public KubernetesDeployer(ClusterConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _client = connection.CreateClient();
        _server = connection.Description;
    }

    /// <summary>How long to wait before watching again after a watch ended without a decision.</summary>
    public TimeSpan RewatchDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private async Task<T> CallAsync<T>(ApiCall call, Func<Task<T>> request)
    {
        try
        {
            return await request().ConfigureAwait(false);
        }
        catch (HttpOperationException e)
        {
            throw KubernetesApiErrors.From(e, call, _server);
        }
        catch (HttpRequestException e)
        {
            throw KubernetesApiErrors.Unreachable(e, call, _server);
        }
    }

    private async Task<T?> ReadOrNullAsync<T>(ApiCall call, Func<Task<T>> request)
        where T : class
    {
        try
        {
            return await CallAsync(call, request).ConfigureAwait(false);
        }
        catch (KubernetesDeployException e) when (e.StatusCode == 404 && !e.IsMissingNamespace)
        {
            return null;
        }
    }
}
