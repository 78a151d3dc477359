using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Idp.Build.Components.Deploy.Kubernetes;

// Reads what a diagnosis of a failed rollout needs: the new ReplicaSet (the one carrying the Deployment's revision),
// its pods, the namespace's events about them, and the last log lines of containers that are not running well.
public sealed partial class KubernetesDeployer
{
    /// <summary>How many log lines to read from each failing container.</summary>
    public const int LogLines = 20;

    /// <summary>Gathers the evidence of a failed rollout of <paramref name="deploymentName"/>; read it before rolling back.</summary>
    public async Task<RolloutFailureEvidence> GatherFailureEvidenceAsync(string ns, string deploymentName, CancellationToken cancellationToken)
    {
        var deployment = await CallAsync(new ApiCall("get", "deployments", deploymentName, ns), () => _client.AppsV1.ReadNamespacedDeploymentAsync(deploymentName, ns, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var revision = RolloutStatus.RevisionOf(deployment);
        var owned = await OwnedReplicaSetsAsync(deployment, cancellationToken).ConfigureAwait(false);
        var replicaSet = owned.FirstOrDefault(rs => RolloutStatus.RevisionOf(rs.Metadata) == revision)
            ?? owned.OrderByDescending(rs => RolloutStatus.RevisionOf(rs.Metadata)).FirstOrDefault();

        var conditions = (deployment.Status?.Conditions ?? [])
            .Select(c => new ConditionEvidence("Deployment", c.Type, c.Status, c.Reason, c.Message))
            .Concat((replicaSet?.Status?.Conditions ?? []).Select(c => new ConditionEvidence("ReplicaSet", c.Type, c.Status, c.Reason, c.Message)))
            .ToList();

        var pods = new List<V1Pod>();
        if (replicaSet is not null)
        {
            var selector = string.Join(',', (replicaSet.Spec.Selector?.MatchLabels ?? new Dictionary<string, string>()).Select(l => $"{l.Key}={l.Value}"));
            var list = await CallAsync(new ApiCall("list", "pods", replicaSet.Metadata.Name, ns), () => _client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: selector, cancellationToken: cancellationToken)).ConfigureAwait(false);
            pods = list.Items.Where(p => p.Metadata.OwnerReferences?.Any(o => o.Uid == replicaSet.Metadata.Uid) == true).ToList();
        }

        var subjects = pods.Select(p => p.Metadata.Name).Append(deploymentName).Append(replicaSet?.Metadata.Name).OfType<string>().ToHashSet();
        var events = await CallAsync(new ApiCall("list", "events", deploymentName, ns), () => _client.CoreV1.ListNamespacedEventAsync(ns, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var relevantEvents = events.Items
            .Where(e => e.InvolvedObject?.Name is { } name && subjects.Contains(name))
            .OrderBy(e => e.LastTimestamp ?? e.EventTime ?? e.Metadata.CreationTimestamp)
            .ToList();
        var relevant = relevantEvents
            .Select(e => new EventEvidence(e.InvolvedObject.Kind ?? "", e.InvolvedObject.Name, e.Type ?? "", e.Reason ?? "", e.Message ?? "", e.Count ?? 1))
            .ToList();

        var logs = new List<ContainerLog>();
        foreach (var pod in pods)
        {
            foreach (var container in Containers(pod).Where(c => c.RestartCount > 0 || (!c.Ready && c.State == "terminated")))
            {
                var lines = await LastLinesAsync(ns, pod.Metadata.Name, container, cancellationToken).ConfigureAwait(false);
                if (lines.Count > 0)
                    logs.Add(new ContainerLog(pod.Metadata.Name, container.Name, lines));
            }
        }

        var podEvidence = pods.Select(p => new PodEvidence(p.Metadata.Name, p.Status?.Phase, p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true, Containers(p))).ToList();
        return new RolloutFailureEvidence(ns, deploymentName, revision, replicaSet?.Metadata.Name, conditions, podEvidence, relevant, logs)
        {
            PodObjects = pods,
            EventObjects = relevantEvents,
        };
    }

    private static List<ContainerEvidence> Containers(V1Pod pod)
    {
        static ContainerEvidence Describe(V1ContainerStatus s, bool isInit)
        {
            var (state, reason, message) = s.State switch
            {
                { Waiting: { } w } => ("waiting", w.Reason, w.Message),
                { Terminated: { } t } => ("terminated", t.Reason, t.Message),
                _ => ("running", null, null),
            };
            var exitCode = s.LastState?.Terminated?.ExitCode ?? s.State?.Terminated?.ExitCode;
            return new ContainerEvidence(s.Name, isInit, s.Image, s.Ready, s.RestartCount, state, reason, message, exitCode);
        }
        return (pod.Status?.InitContainerStatuses ?? []).Select(s => Describe(s, isInit: true))
            .Concat((pod.Status?.ContainerStatuses ?? []).Select(s => Describe(s, isInit: false)))
            .ToList();
    }

    // A container that restarted has its useful lines in the previous run; fall back to the current one when the
    // kubelet kept none. Logs are evidence, not a requirement: a refused read leaves them out.
    private async Task<IReadOnlyList<string>> LastLinesAsync(string ns, string pod, ContainerEvidence container, CancellationToken cancellationToken)
    {
        foreach (var previous in container.RestartCount > 0 ? new[] { true, false } : [false])
        {
            try
            {
                using var stream = await _client.CoreV1.ReadNamespacedPodLogAsync(pod, ns, container: container.Name, previous: previous, tailLines: LogLines, cancellationToken: cancellationToken).ConfigureAwait(false);
                using var reader = new StreamReader(stream);
                var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                return text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).TakeLast(LogLines).ToList();
            }
            catch (HttpOperationException)
            {
            }
        }
        return [];
    }
}
