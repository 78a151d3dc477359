using k8s.Models;

namespace Idp.Build.Components.Deploy.Kubernetes;

/// <summary>
/// What the cluster showed about a failed rollout, read right after it failed: the conditions of the Deployment and of
/// its new ReplicaSet, the new ReplicaSet's pods with their container states, the events about those objects, and
/// the last log lines of containers that crashed or failed to start. Plain data, for the diagnosis rules.
/// </summary>
/// <param name="Namespace">The namespace.</param>
/// <param name="Deployment">The Deployment's name.</param>
/// <param name="Revision">The revision that failed to roll out.</param>
/// <param name="ReplicaSet">The new ReplicaSet's name, when the controller had created it.</param>
/// <param name="Conditions">The Deployment's and the new ReplicaSet's conditions.</param>
/// <param name="Pods">The new ReplicaSet's pods.</param>
/// <param name="Events">Events about the Deployment, the new ReplicaSet and its pods, oldest first.</param>
/// <param name="Logs">The last lines of each container that restarted, crashed or is not running.</param>
public sealed record RolloutFailureEvidence(
    string Namespace,
    string Deployment,
    long Revision,
    string? ReplicaSet,
    IReadOnlyList<ConditionEvidence> Conditions,
    IReadOnlyList<PodEvidence> Pods,
    IReadOnlyList<EventEvidence> Events,
    IReadOnlyList<ContainerLog> Logs)
{
    /// <summary>The pods as the API server returned them, for rules that need more than the summary.</summary>
    public IReadOnlyList<V1Pod> PodObjects { get; init; } = [];

    /// <summary>The events as the API server returned them.</summary>
    public IReadOnlyList<Corev1Event> EventObjects { get; init; } = [];
}

/// <summary>A condition of the Deployment or the ReplicaSet, e.g. <c>Progressing False ProgressDeadlineExceeded</c> or <c>ReplicaFailure True FailedCreate</c>.</summary>
/// <param name="Kind"><c>Deployment</c> or <c>ReplicaSet</c>.</param>
/// <param name="Type">The condition type.</param>
/// <param name="Status"><c>True</c>, <c>False</c> or <c>Unknown</c>.</param>
/// <param name="Reason">The reason in one word.</param>
/// <param name="Message">The message, e.g. the quota that refused the pods.</param>
public sealed record ConditionEvidence(string Kind, string Type, string Status, string? Reason, string? Message);

/// <summary>A pod of the new ReplicaSet.</summary>
/// <param name="Name">The pod's name.</param>
/// <param name="Phase"><c>Pending</c>, <c>Running</c>, <c>Failed</c>…</param>
/// <param name="Ready">Whether the pod's Ready condition is True.</param>
/// <param name="Containers">Init containers first, then the app's containers.</param>
public sealed record PodEvidence(string Name, string? Phase, bool Ready, IReadOnlyList<ContainerEvidence> Containers);

/// <summary>One container's state as the kubelet reports it.</summary>
/// <param name="Name">The container's name (e.g. <c>vault-agent-init</c>).</param>
/// <param name="IsInit">True for an init container.</param>
/// <param name="Image">The image.</param>
/// <param name="Ready">Whether it is ready.</param>
/// <param name="RestartCount">How often it restarted.</param>
/// <param name="State"><c>waiting</c>, <c>running</c> or <c>terminated</c>.</param>
/// <param name="Reason">The waiting or terminated reason: <c>CrashLoopBackOff</c>, <c>ImagePullBackOff</c>, <c>ErrImagePull</c>, <c>Error</c>…</param>
/// <param name="Message">The kubelet's message for that state.</param>
/// <param name="LastExitCode">The exit code of the last terminated run, when there was one.</param>
public sealed record ContainerEvidence(string Name, bool IsInit, string? Image, bool Ready, int RestartCount, string State, string? Reason, string? Message, int? LastExitCode);

/// <summary>An event about one of the rollout's objects.</summary>
/// <param name="ObjectKind"><c>Pod</c>, <c>ReplicaSet</c> or <c>Deployment</c>.</param>
/// <param name="ObjectName">The object's name.</param>
/// <param name="Type"><c>Normal</c> or <c>Warning</c>.</param>
/// <param name="Reason">E.g. <c>BackOff</c>, <c>Failed</c>, <c>Unhealthy</c>, <c>FailedCreate</c>.</param>
/// <param name="Message">E.g. <c>Readiness probe failed: HTTP probe failed with statuscode: 503</c>.</param>
/// <param name="Count">How often it happened.</param>
public sealed record EventEvidence(string ObjectKind, string ObjectName, string Type, string Reason, string Message, int Count);

/// <summary>The last log lines of one container.</summary>
/// <param name="Pod">The pod's name.</param>
/// <param name="Container">The container's name.</param>
/// <param name="Lines">Up to the last 20 lines, oldest first.</param>
public sealed record ContainerLog(string Pod, string Container, IReadOnlyList<string> Lines);
