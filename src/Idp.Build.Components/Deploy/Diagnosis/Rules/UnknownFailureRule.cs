namespace Idp.Build.Components.Deploy.Diagnosis.Rules;

// The fallback: no signature matched, so show what there is and where to look.
internal sealed class UnknownFailureRule : IDiagnosisRule
{
    public DiagnosisFinding Examine(RolloutEvidence evidence, DiagnosisContext context)
    {
        var warnings = evidence.Events.Where(e => e.Type == "Warning").Select(PodEvidence.Describe).Distinct().Take(8);
        var pods = evidence.Pods.Select(p => $"pod {p.Metadata?.Name}: {p.Status?.Phase ?? "unknown phase"}{Reason(p.Status?.Reason, p.Status?.Message)}");
        var seen = pods.Concat(PodEvidence.Containers(evidence).Select(c => c.Describe())).Concat(warnings).ToArray();
        return new DiagnosisFinding(
            DiagnosisRules.Unknown,
            "No known failure signature",
            seen.Length == 0
                ? "The rollout did not finish in time and no pod or warning event was found: the pods may not have been scheduled yet."
                : "The rollout did not finish in time, and none of the known failure signatures matched what the pods show.",
            $"Look at 'oc describe deployment/{context.Service} -n {context.Namespace}' and " +
            $"'oc get events -n {context.Namespace} --sort-by=.lastTimestamp' (e.g. FailedScheduling for too little cluster capacity).",
            seen);
    }

    DiagnosisFinding? IDiagnosisRule.Examine(RolloutEvidence evidence, DiagnosisContext context) => Examine(evidence, context);

    private static string Reason(string? reason, string? message) =>
        reason is null && message is null ? "" : $" ({string.Join(": ", new[] { reason, message }.OfType<string>())})";
}
