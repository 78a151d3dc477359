namespace Idp.Build.Components.Deploy.Diagnosis.Rules;

internal sealed class OutOfMemoryRule : IDiagnosisRule
{
    public DiagnosisFinding? Examine(RolloutEvidence evidence, DiagnosisContext context)
    {
        var killed = PodEvidence.Containers(evidence)
            .Where(c => c.Status.State?.Terminated?.Reason == "OOMKilled" || c.Status.LastState?.Terminated?.Reason == "OOMKilled")
            .ToArray();
        if (killed.Length == 0)
            return null;
        var limit = context.MemoryLimit is { } memory
            ? $"its memory limit of {memory} (resources.limits.memory of '{context.Environment}' in idp.yaml)"
            : "the memory limit the namespace gives by default (idp.yaml sets none)";
        return new DiagnosisFinding(
            DiagnosisRules.OutOfMemory,
            "Killed for using too much memory",
            $"The container {killed[0].Name} used more than {limit} and was killed (OOMKilled).",
            $"Raise resources.limits.memory of '{context.Environment}' in idp.yaml, or find what allocates so much at start-up " +
            "(.NET sizes its heap from the container's limit, so a too-small limit shows up as an early kill).",
            killed.Select(c => c.Describe()).Concat(killed.SelectMany(c => PodEvidence.LastLines(evidence, c.PodName, c.Name, 10))).ToArray());
    }
}
