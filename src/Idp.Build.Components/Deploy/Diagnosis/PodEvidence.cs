using k8s.Models;

namespace Idp.Build.Components.Deploy.Diagnosis;

// Queries over the evidence that several rules share.
internal static class PodEvidence
{
    public const string VaultAgentInitContainer = "vault-agent-init";

    public static IEnumerable<ContainerSeen> Containers(RolloutEvidence evidence) =>
        evidence.Pods.SelectMany(pod =>
            (pod.Status?.InitContainerStatuses ?? []).Select(s => new ContainerSeen(pod, s, IsInit: true))
            .Concat((pod.Status?.ContainerStatuses ?? []).Select(s => new ContainerSeen(pod, s, IsInit: false))));

    public static IEnumerable<Corev1Event> EventsWith(RolloutEvidence evidence, string reason, params string[] messageParts) =>
        evidence.Events.Where(e => e.Reason == reason && messageParts.Any(p => Contains(e.Message, p)));

    public static IReadOnlyList<string> LastLines(RolloutEvidence evidence, string pod, string container, int count = 20) =>
        evidence.Logs.FirstOrDefault(l => l.Pod == pod && l.Container == container)?.Lines.TakeLast(count).ToArray() ?? [];

    public static bool Contains(string? text, string part) => text?.Contains(part, StringComparison.OrdinalIgnoreCase) == true;

    public static string Describe(Corev1Event e) =>
        $"event {e.Reason} on {e.InvolvedObject?.Kind}/{e.InvolvedObject?.Name}: {e.Message?.Trim()}";
}

internal sealed record ContainerSeen(V1Pod Pod, V1ContainerStatus Status, bool IsInit)
{
    public string PodName => Pod.Metadata?.Name ?? "";

    public string Name => Status.Name;

    public V1ContainerStateTerminated? Terminated => Status.State?.Terminated ?? Status.LastState?.Terminated;

    public string Describe()
    {
        var kind = IsInit ? "init container" : "container";
        var state = Status.State?.Waiting is { } waiting ? $"waiting: {waiting.Reason}{Message(waiting.Message)}"
            : Status.State?.Terminated is { } terminated ? $"terminated: {terminated.Reason} (exit code {terminated.ExitCode}){Message(terminated.Message)}"
            : Status.State?.Running is not null ? (Status.Ready ? "running, ready" : "running, not ready")
            : "no state";
        var last = Status.LastState?.Terminated is { } lastRun ? $"; last run: {lastRun.Reason} (exit code {lastRun.ExitCode})" : "";
        return $"pod {PodName} {kind} {Name}: {state}{last}; restarts: {Status.RestartCount}";
    }

    private static string Message(string? message) => string.IsNullOrWhiteSpace(message) ? "" : $" — {message.Trim()}";
}
