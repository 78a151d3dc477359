using Idp.Build.Components.Deploy.Diagnosis;
using Idp.Build.Components.Deploy.Kubernetes;
using static Idp.Build.Components.Tests.Deploy.Diagnosis.Evidence;

namespace Idp.Build.Components.Tests.Deploy.Diagnosis;

/// <summary>Each failure signature, from hand-built pods and events, gives its likely cause and next step.</summary>
public sealed class DiagnosingFailedRollouts
{
    private const string PodName = "hello-service-7d9f-abcde";

    private static DeployDiagnosis Diagnose(RolloutEvidence evidence) => RolloutDiagnoser.Diagnose(evidence, Context);

    [Fact]
    public void A_digest_the_registry_does_not_have_is_an_image_pull_failure_of_that_image()
    {
        var message = $"rpc error: code = NotFound desc = failed to pull and unpack image \"{DeployInputs.ImageA}\": manifest unknown";
        var evidence = new RolloutEvidence(
            [Pod(PodName, [Waiting("ImagePullBackOff", $"Back-off pulling image \"{DeployInputs.ImageA}\"")])],
            [Event("Failed", $"Failed to pull image \"{DeployInputs.ImageA}\": {message}")],
            []);

        var finding = Diagnose(evidence).Primary;

        finding.Rule.ShouldBe(DiagnosisRules.ImagePull);
        finding.LikelyCause.ShouldContain(DeployInputs.ImageA);
        finding.LikelyCause.ShouldContain("digest was not pushed");
        finding.NextStep.ShouldContain("Push");
    }

    [Fact]
    public void A_refused_pull_points_at_the_pull_secret()
    {
        var evidence = new RolloutEvidence(
            [Pod(PodName, [Waiting("ErrImagePull", "unauthorized: authentication required")])], [], []);

        var finding = Diagnose(evidence).Primary;

        finding.Rule.ShouldBe(DiagnosisRules.ImagePull);
        finding.NextStep.ShouldContain("pull secret");
        finding.NextStep.ShouldContain("platform-dev");
    }

    [Fact]
    public void A_crash_loop_quotes_the_service_s_last_log_lines()
    {
        var evidence = new RolloutEvidence(
            [Pod(PodName, [Waiting("CrashLoopBackOff", "back-off 40s restarting failed container", restarts: 3, last: Exited("Error", 134))], phase: "Running")],
            [Event("BackOff", "Back-off restarting failed container hello-service in pod " + PodName)],
            [new ContainerLog(PodName, "hello-service", ["info: starting", "Unhandled exception. System.InvalidOperationException: No connection string 'Db'"])]);

        var finding = Diagnose(evidence).Primary;

        finding.Rule.ShouldBe(DiagnosisRules.CrashLoop);
        finding.LikelyCause.ShouldContain("exit code 134");
        finding.Evidence.ShouldContain("log: Unhandled exception. System.InvalidOperationException: No connection string 'Db'");
        finding.NextStep.ShouldContain($"oc logs --previous -n platform-dev {PodName} -c hello-service");
    }

    [Fact]
    public void A_liveness_probe_that_kills_the_service_names_the_health_path()
    {
        var evidence = new RolloutEvidence(
            [Pod(PodName, [Waiting("CrashLoopBackOff", restarts: 4, last: Exited("Error", 137))], phase: "Running")],
            [Event("Unhealthy", "Liveness probe failed: HTTP probe failed with statuscode: 500")],
            []);

        var finding = Diagnose(evidence).Primary;

        finding.Rule.ShouldBe(DiagnosisRules.CrashLoop);
        finding.LikelyCause.ShouldContain("liveness probe on /health");
    }

    [Theory]
    [InlineData("Readiness probe failed: HTTP probe failed with statuscode: 404", "does not serve /health/ready")]
    [InlineData("Readiness probe failed: Get \"http://10.128.2.17:8080/health/ready\": dial tcp 10.128.2.17:8080: connect: connection refused", "nothing listening on port 8080")]
    [InlineData("Readiness probe failed: HTTP probe failed with statuscode: 503", "reports itself not ready")]
    [InlineData("Readiness probe failed: Get \"http://10.128.2.17:8080/health/ready\": context deadline exceeded", "no answer within 2 seconds")]
    public void A_failing_readiness_probe_names_the_path_and_port_of_idp_yaml(string message, string cause)
    {
        var evidence = new RolloutEvidence([Pod(PodName, [Running(ready: false)], phase: "Running")], [Event("Unhealthy", message)], []);

        var finding = Diagnose(evidence).Primary;

        finding.Rule.ShouldBe(DiagnosisRules.ReadinessProbe);
        finding.LikelyCause.ShouldContain(cause);
        finding.LikelyCause.ShouldContain("GET /health/ready on port 8080");
    }

    [Fact]
    public void An_exhausted_quota_is_read_from_the_replica_set_s_failed_create_event()
    {
        var message = "pods \"hello-service-7d9f-xyz12\" is forbidden: exceeded quota: compute-resources, requested: limits.memory=256Mi, used: limits.memory=1Gi, limited: limits.memory=1Gi";
        var evidence = new RolloutEvidence([], [Event("FailedCreate", message, kind: "ReplicaSet", name: "hello-service-7d9f")], []);

        var finding = Diagnose(evidence).Primary;

        finding.Rule.ShouldBe(DiagnosisRules.QuotaExceeded);
        finding.LikelyCause.ShouldContain("exceeded quota: compute-resources");
        finding.NextStep.ShouldContain("oc describe quota -n platform-dev");
    }

    [Fact]
    public void A_failing_vault_agent_init_container_points_at_the_role_and_its_policy()
    {
        var evidence = new RolloutEvidence(
            [Pod(PodName, [Waiting("PodInitializing")], [Terminated("Error", 1, name: "vault-agent-init", restarts: 2)], phase: "Pending")],
            [],
            [new ContainerLog(PodName, "vault-agent-init", ["[ERROR] agent.auth.handler: error authenticating: error=\"Error making API request. Code: 403. Errors: * permission denied\""])]);

        var finding = Diagnose(evidence).Primary;

        finding.Rule.ShouldBe(DiagnosisRules.VaultAgentInit);
        finding.LikelyCause.ShouldContain("role 'hello-service'");
        finding.NextStep.ShouldContain("vault read auth/kubernetes/role/hello-service");
        finding.NextStep.ShouldContain("secret/data/platform/hello-service");
        finding.Evidence.ShouldContain(e => e.Contains("permission denied", StringComparison.Ordinal));
    }

    [Fact]
    public void An_out_of_memory_kill_names_the_memory_limit_of_idp_yaml()
    {
        var evidence = new RolloutEvidence(
            [Pod(PodName, [Waiting("CrashLoopBackOff", restarts: 2, last: Exited("OOMKilled", 137))], phase: "Running")], [], []);

        var diagnosis = Diagnose(evidence);

        diagnosis.Primary.Rule.ShouldBe(DiagnosisRules.OutOfMemory);
        diagnosis.Primary.LikelyCause.ShouldContain("256Mi");
        diagnosis.Primary.NextStep.ShouldContain("resources.limits.memory of 'dev'");
        diagnosis.Findings.Select(f => f.Rule).ShouldBe([DiagnosisRules.OutOfMemory, DiagnosisRules.CrashLoop], "the crash loop is the symptom, still shown");
    }

    [Fact]
    public void Nothing_recognised_falls_back_to_what_was_seen_and_where_to_look()
    {
        var evidence = new RolloutEvidence(
            [Pod(PodName, [], phase: "Pending")],
            [Event("FailedScheduling", "0/3 nodes are available: 3 Insufficient cpu.")],
            []);

        var diagnosis = Diagnose(evidence);

        diagnosis.Findings.ShouldHaveSingleItem().Rule.ShouldBe(DiagnosisRules.Unknown);
        diagnosis.Primary.Evidence.ShouldContain(e => e.Contains("Insufficient cpu", StringComparison.Ordinal));
        diagnosis.Primary.NextStep.ShouldContain("oc describe deployment/hello-service -n platform-dev");
    }

    [Fact]
    public void No_evidence_at_all_still_gives_a_next_step()
    {
        var diagnosis = Diagnose(RolloutEvidence.Empty);

        diagnosis.Primary.Rule.ShouldBe(DiagnosisRules.Unknown);
        diagnosis.Primary.LikelyCause.ShouldContain("no pod or warning event was found");
    }
}
