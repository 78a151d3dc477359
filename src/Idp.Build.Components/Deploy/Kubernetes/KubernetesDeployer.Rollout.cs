using System.Text.Json;
using k8s;
using k8s.Models;

namespace Idp.Build.Components.Deploy.Kubernetes;

// The rollout wait: read the Deployment, evaluate, then watch it (fieldSelector on its name, from the read's
// resourceVersion) and evaluate every event. A watch that ends — timeoutSeconds, a server restart, 410 Expired, a
// line that cannot be read — is followed by a fresh read and a new watch. The timeout is the client's, as with
// kubectl's --timeout.
public sealed partial class KubernetesDeployer
{
    private const int WatchTimeoutMargin = 10;

    /// <summary>
    /// Waits until the Deployment's rollout completes or fails as <c>kubectl rollout status</c> decides, or until
    /// <paramref name="timeout"/> passes; each new status line goes to <paramref name="progress"/>.
    /// </summary>
    public async Task<RolloutResult> WaitForRolloutAsync(string ns, string deploymentName, TimeSpan timeout, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var ends = DateTime.UtcNow + timeout;
        var call = new ApiCall("watch", "deployments", deploymentName, ns);
        string? lastLine = null;
        string? watchFailure = null;
        V1Deployment? last = null;

        RolloutResult? Observe(V1Deployment deployment)
        {
            last = deployment;
            var state = RolloutStatus.Evaluate(deployment);
            if (state.Message != lastLine)
            {
                lastLine = state.Message;
                progress(state.Message);
            }
            return state.Phase switch
            {
                RolloutPhase.Complete => Result(RolloutOutcome.Complete, state.Message, deployment),
                RolloutPhase.Failed => Result(RolloutOutcome.Failed, state.Message, deployment),
                _ => null,
            };
        }

        try
        {
            while (true)
            {
                var current = await CallAsync(call with { Verb = "get" }, () => _client.AppsV1.ReadNamespacedDeploymentAsync(deploymentName, ns, cancellationToken: deadline.Token)).ConfigureAwait(false);
                if (Observe(current) is { } decided)
                    return decided;
                // The server's watch timeout lies past our own deadline: when the server ends a watch at the very
                // moment the client gives up, the half-drained connection can go back to the pool and hang the next call.
                var seconds = (int)Math.Clamp(Math.Ceiling((ends - DateTime.UtcNow).TotalSeconds) + WatchTimeoutMargin, 1, 1800);
                // KubernetesClient reports an event it cannot read (a 410 Expired status, a malformed line) and reads on;
                // this watch ends there instead, so that the loop reads the Deployment again rather than wait blind.
                using var watch = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
                var events = _client.AppsV1.WatchListNamespacedDeploymentAsync(
                    ns, fieldSelector: $"metadata.name={deploymentName}", resourceVersion: current.Metadata.ResourceVersion, timeoutSeconds: seconds,
                    onError: e =>
                    {
                        watchFailure = e.Message;
                        watch.Cancel();
                    },
                    cancellationToken: watch.Token);
                var enumerator = events.GetAsyncEnumerator(watch.Token);
                try
                {
                    await using (enumerator.ConfigureAwait(false))
                    {
                        while (await CallAsync(call, () => enumerator.MoveNextAsync().AsTask()).ConfigureAwait(false))
                        {
                            var (type, deployment) = enumerator.Current;
                            if (type == WatchEventType.Deleted)
                                throw new KubernetesDeployException($"deployment \"{deploymentName}\" in namespace \"{ns}\" was deleted while its rollout was awaited: find out who deleted it (`oc get events -n {ns}`) and deploy again.");
                            if (type is WatchEventType.Added or WatchEventType.Modified && Observe(deployment) is { } watched)
                                return watched;
                        }
                    }
                }
                catch (OperationCanceledException) when (watch.IsCancellationRequested && !deadline.IsCancellationRequested)
                {
                    // An event could not be read: watch again after a fresh read.
                }
                catch (JsonException e) when (!deadline.IsCancellationRequested)
                {
                    // The first line is read as the watch starts, outside onError.
                    watchFailure = e.Message;
                }
                await Task.Delay(RewatchDelay, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not KubernetesDeployException { StatusCode: not null } && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var message = $"timed out after {timeout} waiting for deployment \"{deploymentName}\" in \"{ns}\"; last status: {lastLine ?? "none"}" +
                (watchFailure is null ? "" : $"; the last watch error: {watchFailure}");
            progress(message);
            return last is null ? new RolloutResult(RolloutOutcome.TimedOut, message, 0, null) : Result(RolloutOutcome.TimedOut, message, last);
        }
    }

    private static RolloutResult Result(RolloutOutcome outcome, string message, V1Deployment deployment) =>
        new(outcome, message, RolloutStatus.RevisionOf(deployment), deployment.Spec?.Template?.Spec?.Containers?.FirstOrDefault()?.Image);
}
