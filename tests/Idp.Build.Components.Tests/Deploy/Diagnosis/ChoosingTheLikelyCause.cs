using Idp.Build.Components.Deploy.Diagnosis;
using static Idp.Build.Components.Tests.Deploy.Diagnosis.Evidence;

namespace Idp.Build.Components.Tests.Deploy.Diagnosis;

/// <summary>When several signatures match, the root cause comes first and the symptoms follow.</summary>
public sealed class ChoosingTheLikelyCause
{
    private const string PodName = "hello-service-7d9f-abcde";

    private static IEnumerable<string> Rules(RolloutEvidence evidence) => RolloutDiagnoser.Diagnose(evidence, Context).Findings.Select(f => f.Rule);

    [Fact]
    public void An_exhausted_quota_wins_over_the_pods_that_did_get_created_but_cannot_pull()
    {
        var evidence = new RolloutEvidence(
            [Pod(PodName, [Waiting("ImagePullBackOff", "Back-off pulling image")])],
            [Event("FailedCreate", "pods \"x\" is forbidden: exceeded quota: compute", kind: "ReplicaSet")],
            []);

        Rules(evidence).ShouldBe([DiagnosisRules.QuotaExceeded, DiagnosisRules.ImagePull]);
    }

    [Fact]
    public void A_crash_looping_vault_agent_init_container_wins_over_the_crash_loop_and_readiness_it_causes()
    {
        var evidence = new RolloutEvidence(
            [Pod(PodName, [Waiting("PodInitializing")], [Waiting("CrashLoopBackOff", name: "vault-agent-init", restarts: 5, last: Exited("Error", 1))])],
            [Event("Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503")],
            []);

        Rules(evidence).ShouldBe([DiagnosisRules.VaultAgentInit, DiagnosisRules.ReadinessProbe], "an init container's crash loop is not the service's");
    }

    [Fact]
    public void A_crash_loop_wins_over_the_readiness_failures_of_the_restarting_container()
    {
        var evidence = new RolloutEvidence(
            [Pod(PodName, [Waiting("CrashLoopBackOff", restarts: 3, last: Exited("Error", 1))], phase: "Running")],
            [Event("Unhealthy", "Readiness probe failed: Get \"http://10.0.0.1:8080/health/ready\": connect: connection refused")],
            []);

        Rules(evidence).ShouldBe([DiagnosisRules.CrashLoop, DiagnosisRules.ReadinessProbe]);
    }

    [Fact]
    public void The_fallback_appears_only_when_nothing_else_matched()
    {
        var evidence = new RolloutEvidence([Pod(PodName, [Waiting("ErrImagePull", "manifest unknown")])], [Event("FailedScheduling", "0/3 nodes")], []);

        Rules(evidence).ShouldBe([DiagnosisRules.ImagePull]);
    }
}
