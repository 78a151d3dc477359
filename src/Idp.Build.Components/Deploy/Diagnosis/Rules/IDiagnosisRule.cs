namespace Idp.Build.Components.Deploy.Diagnosis.Rules;

// One failure signature: a finding when the evidence shows it, else null.
internal interface IDiagnosisRule
{
    DiagnosisFinding? Examine(RolloutEvidence evidence, DiagnosisContext context);
}
