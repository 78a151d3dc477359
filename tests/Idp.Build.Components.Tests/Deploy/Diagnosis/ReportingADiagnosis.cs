using Idp.Build.Components.Deploy.Diagnosis;
using Idp.Build.Components.Deploy.Kubernetes;
using static Idp.Build.Components.Tests.Deploy.Diagnosis.Evidence;

namespace Idp.Build.Components.Tests.Deploy.Diagnosis;

/// <summary>The console text and the merge-request Markdown lead with the likely cause and the next step.</summary>
public sealed class ReportingADiagnosis
{
    private const string PodName = "hello-service-7d9f-abcde";

    private static readonly DeployDiagnosis OutOfMemory = RolloutDiagnoser.Diagnose(
        new RolloutEvidence(
            [Pod(PodName, [Waiting("CrashLoopBackOff", restarts: 2, last: Exited("OOMKilled", 137))], phase: "Running")],
            [],
            [new ContainerLog(PodName, "hello-service", ["loading ```cache```", "allocating 300 MB"])]),
        Context);

    [Fact]
    public void The_text_gives_cause_next_step_and_evidence_then_the_other_findings()
    {
        var text = OutOfMemory.ToText();

        text.ShouldStartWith("Why the rollout of hello-service to dev (namespace platform-dev) failed:\n");
        text.ShouldContain("  Likely cause: " + OutOfMemory.Primary.LikelyCause + "\n");
        text.ShouldContain("  Next step:    " + OutOfMemory.Primary.NextStep + "\n");
        text.ShouldContain("    | allocating 300 MB\n");
        text.ShouldContain("  Also seen:\n    - Service keeps crashing:");
        text.IndexOf("Likely cause", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("Also seen", StringComparison.Ordinal));
    }

    [Fact]
    public void The_markdown_folds_the_evidence_in_a_fence_log_lines_cannot_close()
    {
        var markdown = OutOfMemory.ToMarkdown();

        markdown.ShouldStartWith("### Deploy of `hello-service` to `dev` failed: Killed for using too much memory\n");
        markdown.ShouldContain("- **Likely cause:** " + OutOfMemory.Primary.LikelyCause);
        markdown.ShouldContain("- **Next step:** " + OutOfMemory.Primary.NextStep);
        markdown.ShouldContain("<details><summary>Evidence</summary>\n\n````text\n");
        markdown.ShouldContain("loading ```cache```\n");
        markdown.ShouldContain("#### Also seen");
    }
}
