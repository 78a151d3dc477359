using System.Text;

namespace Idp.Build.Components.Deploy.Diagnosis;

public sealed partial record DeployDiagnosis
{
    /// <summary>The diagnosis for the console: the likely cause, the next step and the evidence, then any other findings.</summary>
    public string ToText()
    {
        var text = new StringBuilder($"Why the rollout of {Context.Service} to {Context.Environment} (namespace {Context.Namespace}) failed:\n");
        text.Append("  ").Append(Primary.Title).Append('\n');
        text.Append("  Likely cause: ").Append(Primary.LikelyCause).Append('\n');
        text.Append("  Next step:    ").Append(Primary.NextStep).Append('\n');
        if (Primary.Evidence.Count > 0)
        {
            text.Append("  Evidence:\n");
            foreach (var line in Primary.Evidence)
                text.Append("    | ").Append(line).Append('\n');
        }
        if (Findings.Count > 1)
        {
            text.Append("  Also seen:\n");
            foreach (var finding in Findings.Skip(1))
                text.Append("    - ").Append(finding.Title).Append(": ").Append(finding.LikelyCause).Append('\n');
        }
        return text.ToString();
    }
}
