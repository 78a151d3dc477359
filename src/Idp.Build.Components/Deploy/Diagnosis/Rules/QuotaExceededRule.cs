namespace Idp.Build.Components.Deploy.Diagnosis.Rules;

internal sealed class QuotaExceededRule : IDiagnosisRule
{
    public DiagnosisFinding? Examine(RolloutEvidence evidence, DiagnosisContext context)
    {
        var events = PodEvidence.EventsWith(evidence, "FailedCreate", "exceeded quota").ToArray();
        if (events.Length == 0)
            return null;
        return new DiagnosisFinding(
            DiagnosisRules.QuotaExceeded,
            "Namespace quota exceeded",
            $"The namespace {context.Namespace} has no quota left for the new pods, so they were never created: " +
            $"{events[0].Message?.Trim()}",
            $"Lower 'replicas' or 'resources' of the environment '{context.Environment}' in idp.yaml, or ask the namespace's owners " +
            $"for more quota (see 'oc describe quota -n {context.Namespace}'). A rolling update needs room for one extra pod " +
            "while the old ones still run.",
            events.Select(PodEvidence.Describe).Distinct().Take(5).ToArray());
    }
}
