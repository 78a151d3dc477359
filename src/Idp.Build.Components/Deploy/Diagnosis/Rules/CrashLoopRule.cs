namespace Idp.Build.Components.Deploy.Diagnosis.Rules;

internal sealed class CrashLoopRule : IDiagnosisRule
{
    public DiagnosisFinding? Examine(RolloutEvidence evidence, DiagnosisContext context)
    {
        var crashing = PodEvidence.Containers(evidence)
            .Where(c => !c.IsInit)
            .Where(c => c.Status.State?.Waiting?.Reason == "CrashLoopBackOff" || (c.Status.RestartCount > 0 && c.Status.LastState?.Terminated is { ExitCode: not 0 }))
            .ToArray();
        if (crashing.Length == 0)
            return null;
        var first = crashing[0];
        var logs = PodEvidence.LastLines(evidence, first.PodName, first.Name);
        var liveness = PodEvidence.EventsWith(evidence, "Unhealthy", "Liveness probe failed").ToArray();
        var exit = first.Terminated is { } terminated ? $" (exit code {terminated.ExitCode}{ExitHint(terminated.ExitCode)})" : "";
        var cause = liveness.Length > 0
            ? $"The liveness probe on {context.HealthPath} (port {context.Port}) keeps failing, so the container is restarted{exit}."
            : $"The service exits soon after it starts{exit}; its last log lines below say why.";
        var next = liveness.Length > 0
            ? $"Make {context.HealthPath} answer 200 within 2 seconds once the service has started, or correct service.healthPath in idp.yaml."
            : "Read the log lines below (the service's own error, e.g. missing configuration or a failed connection); " +
              $"'oc logs --previous -n {context.Namespace} {first.PodName} -c {first.Name}' shows the whole log of the last run.";
        var logEvidence = logs.Count > 0 ? logs.Select(l => "log: " + l) : ["(no log lines were collected)"];
        return new DiagnosisFinding(
            DiagnosisRules.CrashLoop,
            "Service keeps crashing",
            cause,
            next,
            crashing.Select(c => c.Describe()).Concat(liveness.Select(PodEvidence.Describe).Distinct().Take(3)).Concat(logEvidence).ToArray());
    }

    private static string ExitHint(int code) => code switch
    {
        0 => ": it ended normally, but a web service must keep running",
        137 => ": killed with SIGKILL",
        139 => ": segmentation fault",
        143 => ": stopped with SIGTERM",
        _ => "",
    };
}
