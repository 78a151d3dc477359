namespace Idp.Build.Components.Deploy.Diagnosis.Rules;

internal sealed class VaultAgentInitRule : IDiagnosisRule
{
    public DiagnosisFinding? Examine(RolloutEvidence evidence, DiagnosisContext context)
    {
        var failed = PodEvidence.Containers(evidence)
            .Where(c => c.IsInit && c.Name == PodEvidence.VaultAgentInitContainer)
            .Where(c => c.Status.State?.Waiting?.Reason is "CrashLoopBackOff" or "Error" || c.Terminated is { ExitCode: not 0 })
            .ToArray();
        if (failed.Length == 0)
            return null;
        var logs = failed.SelectMany(c => PodEvidence.LastLines(evidence, c.PodName, c.Name)).ToArray();
        var role = context.VaultRole ?? "(none given)";
        var paths = context.VaultPaths.Count > 0 ? string.Join(", ", context.VaultPaths) : "the secrets' paths";
        return new DiagnosisFinding(
            DiagnosisRules.VaultAgentInit,
            "Vault Agent could not fetch the secrets",
            $"The Vault Agent init container failed, so the service never started. {Cause(logs, role)}",
            $"Check the Vault role '{role}' (secrets.role of '{context.Environment}' in idp.yaml): 'vault read auth/kubernetes/role/{role}' " +
            $"must bind the pod's service account and the namespace {context.Namespace}, and its policies must allow 'read' on {paths}.",
            failed.Select(c => c.Describe()).Concat(logs).ToArray());
    }

    private static string Cause(IReadOnlyList<string> logs, string role)
    {
        bool Says(string part) => logs.Any(l => PodEvidence.Contains(l, part));
        if (Says("invalid role name"))
            return $"Vault has no Kubernetes auth role '{role}'.";
        if (Says("not authorized"))
            return $"The role '{role}' is not bound to this pod's service account or namespace.";
        if (Says("permission denied"))
            return $"Vault refused the request: the role '{role}' is unknown to it, or its policy does not allow reading the secret.";
        if (Says("no such host") || Says("connection refused") || Says("i/o timeout") || Says("x509"))
            return "The agent could not reach Vault (address, network policy or TLS).";
        return $"Most often the role '{role}' or its policy does not allow this pod to read the secrets.";
    }
}
