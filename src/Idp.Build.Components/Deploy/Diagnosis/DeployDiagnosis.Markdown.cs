using System.Text;

namespace Idp.Build.Components.Deploy.Diagnosis;

public sealed partial record DeployDiagnosis
{
    /// <summary>
    /// The diagnosis as Markdown for <c>artifacts/deploy-diagnosis.md</c>: the likely cause and next step first,
    /// the evidence folded, then the other findings. Log lines are quoted verbatim: pass the text through the
    /// build's secret masker before it leaves the job.
    /// </summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder($"### Deploy of `{Context.Service}` to `{Context.Environment}` failed: {Primary.Title}\n\n");
        Finding(text, Primary);
        if (Findings.Count > 1)
        {
            text.Append("\n#### Also seen\n\n");
            foreach (var finding in Findings.Skip(1))
            {
                text.Append("**").Append(finding.Title).Append("**\n\n");
                Finding(text, finding);
            }
        }
        return text.ToString();
    }

    private static void Finding(StringBuilder text, DiagnosisFinding finding)
    {
        text.Append("- **Likely cause:** ").Append(finding.LikelyCause).Append('\n');
        text.Append("- **Next step:** ").Append(finding.NextStep).Append("\n\n");
        if (finding.Evidence.Count == 0)
            return;
        // A fence longer than any run of backticks in the evidence, so a log line cannot close it.
        var fence = new string('`', Math.Max(3, finding.Evidence.Select(LongestBacktickRun).DefaultIfEmpty(0).Max() + 1));
        text.Append("<details><summary>Evidence</summary>\n\n").Append(fence).Append("text\n");
        foreach (var line in finding.Evidence)
            text.Append(line).Append('\n');
        text.Append(fence).Append("\n\n</details>\n\n");
    }

    private static int LongestBacktickRun(string line)
    {
        int longest = 0, run = 0;
        foreach (var c in line)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
