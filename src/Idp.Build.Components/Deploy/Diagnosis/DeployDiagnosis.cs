namespace Idp.Build.Components.Deploy.Diagnosis;

/// <summary>
/// Why a rollout most likely failed and what to do next. The first finding is the likely cause; the others
/// matched too and are shown below it. Print with <see cref="ToText"/>; <see cref="ToMarkdown"/> is for
/// <c>artifacts/deploy-diagnosis.md</c>, which CI posts to the merge request.
/// </summary>
/// <param name="Context">The deploy that failed.</param>
/// <param name="Findings">At least one finding, the most likely first.</param>
public sealed partial record DeployDiagnosis(DiagnosisContext Context, IReadOnlyList<DiagnosisFinding> Findings)
{
    /// <summary>The most likely cause.</summary>
    public DiagnosisFinding Primary => Findings[0];
}

/// <summary>One recognised failure signature.</summary>
/// <param name="Rule">The signature's id, e.g. <c>image-pull</c> (stable; see <see cref="DiagnosisRules"/>).</param>
/// <param name="Title">A few words, e.g. <c>Image cannot be pulled</c>.</param>
/// <param name="LikelyCause">What most likely went wrong, naming the input involved.</param>
/// <param name="NextStep">What to check or change next, naming the idp.yaml setting or the command.</param>
/// <param name="Evidence">The status lines, events and log lines the finding rests on.</param>
public sealed record DiagnosisFinding(string Rule, string Title, string LikelyCause, string NextStep, IReadOnlyList<string> Evidence);
