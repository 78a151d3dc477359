using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Idp.Testing.Kubernetes;

// The pods the simulated ReplicaSets create, with the status, events and logs a kubelet would report for each
// PodBehaviour, and GET …/pods/{name}/log.
public sealed partial class FakeKubernetes
{
    private const string VaultAgentInit = "vault-agent-init";

    private readonly Dictionary<(string Ns, string Pod, string Container), IReadOnlyList<string>> _logs = [];
    private int _podCounter;

    private void CreatePod(string ns, JsonObject rs, PodBehaviour behaviour)
    {
        var rsName = (string)rs["metadata"]!["name"]!;
        var name = $"{rsName}-{Suffix(++_podCounter)}";
        var template = (JsonObject)rs["spec"]!["template"]!.DeepClone();
        var spec = template["spec"]?.DeepClone() as JsonObject ?? new JsonObject();
        spec["nodeName"] = "worker-0";
        if (behaviour == PodBehaviour.VaultAgentInitFailure)
            spec["initContainers"] = new JsonArray(new JsonObject { ["name"] = VaultAgentInit, ["image"] = "hashicorp/vault:1.15.2" });
        var containers = (spec["containers"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var failing = containers.FirstOrDefault(c => ImageBehaviour((string?)c["image"] ?? "") != PodBehaviour.Healthy);
        var failingName = (string?)failing?["name"] ?? VaultAgentInit;
        var failingImage = (string?)failing?["image"] ?? "";

        var pod = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["labels"] = template["metadata"]?["labels"]?.DeepClone(),
                ["annotations"] = template["metadata"]?["annotations"]?.DeepClone(),
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "apps/v1",
                    ["kind"] = "ReplicaSet",
                    ["name"] = rsName,
                    ["uid"] = rs["metadata"]!["uid"]!.DeepClone(),
                    ["controller"] = true,
                    ["blockOwnerDeletion"] = true,
                }),
            },
            ["spec"] = spec,
        };
        pod["status"] = PodStatus(behaviour, containers, failingName, name);
        var stored = Store(KubeResource.Pods, ns, pod, previous: null);

        foreach (var container in containers)
            _logs[(ns, name, (string)container["name"]!)] = ["info: Microsoft.Hosting.Lifetime[14] Now listening on: http://[::]:8080", "info: Microsoft.Hosting.Lifetime[0] Application started."];
        var fieldPath = $"spec.containers{{{failingName}}}";
        switch (behaviour)
        {
            case PodBehaviour.CrashLoop:
                _logs[(ns, name, failingName)] = CrashLog;
                RecordEvent(ns, "Pod", stored, "Normal", "Started", $"Started container {failingName}", "kubelet", fieldPath);
                RecordEvent(ns, "Pod", stored, "Warning", "BackOff", $"Back-off restarting failed container {failingName} in pod {name}_{ns}({stored["metadata"]!["uid"]})", "kubelet", fieldPath, count: 4);
                break;
            case PodBehaviour.ImagePullFailure:
                RecordEvent(ns, "Pod", stored, "Normal", "Pulling", $"Pulling image \"{failingImage}\"", "kubelet", fieldPath);
                RecordEvent(ns, "Pod", stored, "Warning", "Failed", $"Failed to pull image \"{failingImage}\": rpc error: code = NotFound desc = failed to pull and unpack image \"{failingImage}\": not found", "kubelet", fieldPath);
                RecordEvent(ns, "Pod", stored, "Warning", "Failed", "Error: ErrImagePull", "kubelet", fieldPath);
                RecordEvent(ns, "Pod", stored, "Normal", "BackOff", $"Back-off pulling image \"{failingImage}\"", "kubelet", fieldPath);
                RecordEvent(ns, "Pod", stored, "Warning", "Failed", "Error: ImagePullBackOff", "kubelet", fieldPath);
                break;
            case PodBehaviour.ReadinessFailure:
                RecordEvent(ns, "Pod", stored, "Warning", "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", "kubelet", fieldPath, count: 6);
                break;
            case PodBehaviour.VaultAgentInitFailure:
                _logs[(ns, name, VaultAgentInit)] =
                [
                    "==> Vault Agent started! Log data will stream in below:",
                    "[INFO]  agent.auth.handler: starting auth handler",
                    "[INFO]  agent.auth.handler: authenticating",
                    "[ERROR] agent.auth.handler: error authenticating: error=\"Error making API request. URL: PUT https://vault.example.internal/v1/auth/kubernetes/login Code: 403. Errors: * permission denied\" backoff=1s",
                ];
                RecordEvent(ns, "Pod", stored, "Warning", "BackOff", $"Back-off restarting failed container {VaultAgentInit} in pod {name}_{ns}({stored["metadata"]!["uid"]})", "kubelet", $"spec.initContainers{{{VaultAgentInit}}}", count: 3);
                break;
        }
    }

    private static JsonObject PodStatus(PodBehaviour behaviour, List<JsonObject> containers, string failingName, string podName)
    {
        var now = Now();
        var ready = behaviour == PodBehaviour.Healthy;
        var statuses = new JsonArray();
        foreach (var container in containers)
        {
            var name = (string)container["name"]!;
            var isFailing = name == failingName;
            JsonObject state;
            JsonObject? lastState = null;
            var restarts = 0;
            var containerReady = !isFailing && behaviour != PodBehaviour.VaultAgentInitFailure;
            if (behaviour == PodBehaviour.VaultAgentInitFailure)
                state = Waiting("PodInitializing", null);
            else if (isFailing && behaviour == PodBehaviour.CrashLoop)
            {
                state = Waiting("CrashLoopBackOff", $"back-off 1m20s restarting failed container={name} pod={podName}");
                lastState = new JsonObject { ["terminated"] = new JsonObject { ["exitCode"] = 1, ["reason"] = "Error", ["startedAt"] = now, ["finishedAt"] = now } };
                restarts = 4;
            }
            else if (isFailing && behaviour == PodBehaviour.ImagePullFailure)
                state = Waiting("ImagePullBackOff", $"Back-off pulling image \"{container["image"]}\"");
            else
                state = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = now } };
            var status = new JsonObject
            {
                ["name"] = name,
                ["image"] = container["image"]?.DeepClone(),
                ["ready"] = containerReady,
                ["started"] = state.ContainsKey("running"),
                ["restartCount"] = restarts,
                ["state"] = state,
            };
            if (lastState is not null)
                status["lastState"] = lastState;
            statuses.Add(status);
        }

        var result = new JsonObject
        {
            ["phase"] = behaviour is PodBehaviour.ImagePullFailure or PodBehaviour.VaultAgentInitFailure ? "Pending" : "Running",
            ["conditions"] = new JsonArray(
                PodCondition("Initialized", behaviour != PodBehaviour.VaultAgentInitFailure, "ContainersNotInitialized", $"containers with incomplete status: [{VaultAgentInit}]"),
                PodCondition("Ready", ready, "ContainersNotReady", $"containers with unready status: [{failingName}]"),
                PodCondition("ContainersReady", ready, "ContainersNotReady", $"containers with unready status: [{failingName}]"),
                PodCondition("PodScheduled", true, null, null)),
            ["hostIP"] = "10.0.0.10",
            ["podIP"] = "10.128.0.20",
            ["startTime"] = now,
            ["containerStatuses"] = statuses,
        };
        if (behaviour == PodBehaviour.VaultAgentInitFailure)
        {
            result["initContainerStatuses"] = new JsonArray(new JsonObject
            {
                ["name"] = VaultAgentInit,
                ["image"] = "hashicorp/vault:1.15.2",
                ["ready"] = false,
                ["restartCount"] = 3,
                ["state"] = Waiting("CrashLoopBackOff", $"back-off 40s restarting failed container={VaultAgentInit} pod={podName}"),
                ["lastState"] = new JsonObject { ["terminated"] = new JsonObject { ["exitCode"] = 1, ["reason"] = "Error", ["startedAt"] = now, ["finishedAt"] = now } },
            });
        }
        return result;
    }

    private void RecordEvent(string ns, string kind, JsonObject subject, string type, string reason, string message, string component, string? fieldPath = null, int count = 1)
    {
        var subjectName = (string)subject["metadata"]!["name"]!;
        var involved = new JsonObject
        {
            ["kind"] = kind,
            ["namespace"] = ns,
            ["name"] = subjectName,
            ["uid"] = subject["metadata"]!["uid"]!.DeepClone(),
            ["apiVersion"] = kind == "Pod" ? "v1" : "apps/v1",
        };
        if (fieldPath is not null)
            involved["fieldPath"] = fieldPath;
        var now = Now();
        var evt = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = $"{subjectName}.{_resourceVersion + 1:x}" },
            ["involvedObject"] = involved,
            ["reason"] = reason,
            ["message"] = message,
            ["source"] = new JsonObject { ["component"] = component },
            ["firstTimestamp"] = now,
            ["lastTimestamp"] = now,
            ["count"] = count,
            ["type"] = type,
        };
        Store(KubeResource.Events, ns, evt, previous: null);
    }

    private async Task WriteLogAsync(HttpContext context, string ns, string podName)
    {
        string? container = context.Request.Query["container"];
        var tail = int.TryParse(context.Request.Query["tailLines"], out var lines) ? lines : int.MaxValue;
        IReadOnlyList<string> log = [];
        (int Status, JsonObject Body)? error = null;
        lock (_gate)
        {
            if (!_objects.TryGetValue((KubeResource.Pods.Plural, ns, podName), out var pod))
                error = (404, KubeStatus.NotFound(KubeResource.Pods, podName));
            else
                (log, error) = ReadLog(ns, podName, pod, container);
        }
        if (error is { } failure)
        {
            await WriteAsync(context, failure.Status, failure.Body).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(string.Concat(log.TakeLast(tail).Select(l => l + "\n"))).ConfigureAwait(false);
    }

    private (IReadOnlyList<string> Log, (int Status, JsonObject Body)? Error) ReadLog(string ns, string podName, JsonObject pod, string? container)
    {
        var names = new[] { "initContainers", "containers" }
            .SelectMany(k => pod["spec"]?[k] as JsonArray ?? [])
            .Select(c => (string)c!["name"]!)
            .ToList();
        var main = (pod["spec"]?["containers"] as JsonArray ?? []).Select(c => (string)c!["name"]!).ToList();
        if (container is null && main.Count == 1)
            container = main[0];
        if (container is null || !names.Contains(container))
        {
            var message = container is null
                ? $"a container name must be specified for pod {podName}, choose one of: [{string.Join(' ', main)}]"
                : $"container {container} is not valid for pod {podName}";
            return ([], (400, KubeStatus.BadRequest(message)));
        }
        return (_logs.GetValueOrDefault((ns, podName, container), []), null);
    }

    private static JsonObject Waiting(string reason, string? message)
    {
        var waiting = new JsonObject { ["reason"] = reason };
        if (message is not null)
            waiting["message"] = message;
        return new JsonObject { ["waiting"] = waiting };
    }

    private static JsonObject PodCondition(string type, bool ok, string? reason, string? message)
    {
        var condition = new JsonObject { ["type"] = type, ["status"] = ok ? "True" : "False", ["lastTransitionTime"] = Now() };
        if (!ok)
        {
            condition["reason"] = reason;
            condition["message"] = message;
        }
        return condition;
    }

    private static string Suffix(int counter)
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var value = (uint)(counter * 2654435761u);
        return string.Concat(Enumerable.Range(0, 5).Select(i => alphabet[(int)((value >> (i * 5)) % (uint)alphabet.Length)]));
    }
}
