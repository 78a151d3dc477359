using Idp.Build.Components.Deploy.Diagnosis.Rules;
using Idp.Build.Components.Descriptor;

namespace Idp.Build.Components.Deploy.Diagnosis;

/// <summary>
/// Turns the evidence of a failed rollout into a <see cref="DeployDiagnosis"/>: every known failure signature
/// that matches, the most likely cause first (the order of <see cref="DiagnosisRules"/>), or a generic finding
/// with what was seen when none matches.
/// </summary>
public static class RolloutDiagnoser
{
    private static readonly IDiagnosisRule[] Rules =
    [
        new QuotaExceededRule(),
        new VaultAgentInitRule(),
        new ImagePullRule(),
        new OutOfMemoryRule(),
        new CrashLoopRule(),
        new ReadinessProbeRule(),
    ];

    /// <summary>Diagnoses a failed rollout of <paramref name="descriptor"/>'s service to <paramref name="environment"/>.</summary>
    public static DeployDiagnosis Diagnose(RolloutEvidence evidence, ServiceDescriptor descriptor, EnvironmentSettings environment) =>
        Diagnose(evidence, DiagnosisContext.For(descriptor, environment));

    /// <summary>Diagnoses a failed rollout described by <paramref name="context"/>.</summary>
    public static DeployDiagnosis Diagnose(RolloutEvidence evidence, DiagnosisContext context)
    {
        var findings = Rules.Select(r => r.Examine(evidence, context)).OfType<DiagnosisFinding>().ToList();
        if (findings.Count == 0)
            findings.Add(new UnknownFailureRule().Examine(evidence, context));
        return new DeployDiagnosis(context, findings);
    }
}
