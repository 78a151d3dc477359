namespace Idp.Build.Components.Deploy.Diagnosis.Rules;

internal sealed class ReadinessProbeRule : IDiagnosisRule
{
    public DiagnosisFinding? Examine(RolloutEvidence evidence, DiagnosisContext context)
    {
        var events = PodEvidence.EventsWith(evidence, "Unhealthy", "Readiness probe failed").ToArray();
        if (events.Length == 0)
            return null;
        var messages = events.Select(e => e.Message ?? "").ToArray();
        bool Says(params string[] parts) => messages.Any(m => parts.Any(p => PodEvidence.Contains(m, p)));
        var probe = $"GET {context.ReadinessPath} on port {context.Port}";
        var (cause, next) =
            Says("statuscode: 404") ? ($"The readiness probe ({probe}) gets 404: the service does not serve {context.ReadinessPath}.",
                "Map the readiness endpoint in the service (e.g. app.MapHealthChecks(\"" + context.ReadinessPath + "\")), or correct service.readinessPath in idp.yaml.")
            : Says("connection refused") ? ($"The readiness probe ({probe}) finds nothing listening on port {context.Port}.",
                $"Make the service listen on port {context.Port} (the golden path sets ASPNETCORE_HTTP_PORTS; a variable ASPNETCORE_URLS overrides it), or correct service.port in idp.yaml.")
            : Says("statuscode: 5") ? ($"The readiness probe ({probe}) gets a server error: the service reports itself not ready.",
                "Check what the readiness checks depend on (database, downstream service, secrets) in the service's log.")
            : Says("timeout", "deadline exceeded") ? ($"The readiness probe ({probe}) gets no answer within 2 seconds.",
                $"Make {context.ReadinessPath} answer quickly (no slow dependency calls in the probe), or look for a blocked start-up in the log.")
            : ($"The readiness probe ({probe}) fails, so the new pods never become ready.",
                $"Read the probe failures below and call {context.ReadinessPath} in a pod ('oc exec') to see what it answers.");
        return new DiagnosisFinding(
            DiagnosisRules.ReadinessProbe,
            "Readiness probe fails",
            cause,
            next,
            events.Select(PodEvidence.Describe).Distinct().Take(5).ToArray());
    }
}
