using Idp.Build.Components.Deploy.Diagnosis;
using k8s.Models;

namespace Idp.Build.Components.Tests.Deploy.Diagnosis;

/// <summary>Hand-built pods, container states and events as the API server reports them in failed rollouts.</summary>
internal static class Evidence
{
    public static DiagnosisContext Context { get; } = DiagnosisContext.For(DeployInputs.Sample, DeployInputs.Sample.GetEnvironment("dev"));

    public static V1Pod Pod(string name, V1ContainerStatus[] containers, V1ContainerStatus[]? initContainers = null, string phase = "Pending") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "platform-dev" },
        Status = new V1PodStatus { Phase = phase, ContainerStatuses = containers, InitContainerStatuses = initContainers },
    };

    public static V1ContainerStatus Waiting(string reason, string? message = null, string name = "hello-service", int restarts = 0, V1ContainerStateTerminated? last = null) => new()
    {
        Name = name,
        Image = DeployInputs.ImageA,
        RestartCount = restarts,
        State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = reason, Message = message } },
        LastState = last is null ? null : new V1ContainerState { Terminated = last },
    };

    public static V1ContainerStatus Running(bool ready = false, string name = "hello-service") => new()
    {
        Name = name,
        Image = DeployInputs.ImageA,
        Ready = ready,
        State = new V1ContainerState { Running = new V1ContainerStateRunning() },
    };

    public static V1ContainerStatus Terminated(string reason, int exitCode, string name = "hello-service", int restarts = 0) => new()
    {
        Name = name,
        RestartCount = restarts,
        State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { Reason = reason, ExitCode = exitCode } },
    };

    public static V1ContainerStateTerminated Exited(string reason, int exitCode) => new() { Reason = reason, ExitCode = exitCode };

    public static Corev1Event Event(string reason, string message, string kind = "Pod", string name = "hello-service-7d9f-abcde", string type = "Warning") => new()
    {
        Reason = reason,
        Message = message,
        Type = type,
        InvolvedObject = new V1ObjectReference { Kind = kind, Name = name },
    };
}
