using System.Text.Json.Nodes;
using Idp.Testing.Kubernetes;

namespace Idp.Build.Components.Tests.Deploy.Kubernetes.FakeContract;

/// <summary>The simulated Deployment controller (fake list item 4): ReplicaSets per template with revisions, status that converges, a deadline that fails stuck rollouts only.</summary>
public class DeploymentControllerContract : FakeKubernetesScope
{
    private const string Apply = RawObjects.DeploymentPath + "?fieldManager=idp-build&force=true";

    [Fact]
    public async Task A_new_template_gets_a_replica_set_with_hash_owner_and_the_next_revision()
    {
        using var raw = new RawKubernetes(Cluster.Url);
        await raw.PatchAsync(Apply, RawObjects.Deployment("registry/web@sha256:aaa", replicas: 2));
        var first = await CompletedAsync();
        await raw.PatchAsync(Apply, RawObjects.Deployment("registry/web@sha256:bbb", replicas: 2));
        var second = await CompletedAsync();

        var (_, list) = await raw.GetAsync("/apis/apps/v1/namespaces/shop/replicasets?labelSelector=app%3Dweb");
        var sets = list["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        sets.Count.ShouldBe(2);
        var newest = sets.Single(rs => (string?)rs["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"] == "2");
        var hash = (string)newest["metadata"]!["labels"]!["pod-template-hash"]!;
        ((string?)newest["metadata"]!["name"]).ShouldBe($"web-{hash}");
        ((string?)newest["spec"]!["template"]!["metadata"]!["labels"]!["pod-template-hash"]).ShouldBe(hash);
        var owner = newest["metadata"]!["ownerReferences"]![0]!;
        ((string?)owner["uid"]).ShouldBe((string?)second["metadata"]!["uid"]);
        ((bool?)owner["controller"]).ShouldBe(true);
        ((string?)first["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]).ShouldBe("1");
        ((string?)second["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]).ShouldBe("2");
        Cluster.List(KubeResource.Pods, "shop").Count.ShouldBe(2);
        Cluster.List(KubeResource.Pods, "shop").ShouldAllBe(p => (string?)p["metadata"]!["labels"]!["pod-template-hash"] == hash);
    }

    [Fact]
    public async Task A_healthy_rollout_ends_with_all_replicas_updated_and_available()
    {
        using var raw = new RawKubernetes(Cluster.Url);
        await raw.PatchAsync(Apply, RawObjects.Deployment(replicas: 3));

        var deployment = await CompletedAsync();

        var status = deployment["status"]!;
        ((long?)status["observedGeneration"]).ShouldBe(1);
        ((int?)status["replicas"]).ShouldBe(3);
        ((int?)status["updatedReplicas"]).ShouldBe(3);
        ((int?)status["availableReplicas"]).ShouldBe(3);
        Condition(deployment, "Available")["status"]!.ToString().ShouldBe("True");
        Condition(deployment, "Progressing")["reason"]!.ToString().ShouldBe("NewReplicaSetAvailable");
    }

    [Fact]
    public async Task A_rollout_whose_pods_never_become_ready_ends_with_progress_deadline_exceeded()
    {
        Cluster.ImageBehaviour = image => image.EndsWith("bad", StringComparison.Ordinal) ? PodBehaviour.CrashLoop : PodBehaviour.Healthy;
        using var raw = new RawKubernetes(Cluster.Url);
        await raw.PatchAsync(Apply, RawObjects.Deployment("registry/web@sha256:good"));
        await CompletedAsync();
        await raw.PatchAsync(Apply, RawObjects.Deployment("registry/web@sha256:bad"));

        var deployment = await EventuallyAsync(d => (string?)Condition(d, "Progressing")["reason"] == "ProgressDeadlineExceeded");

        Condition(deployment, "Progressing")["status"]!.ToString().ShouldBe("False");
        ((int?)deployment["status"]!["availableReplicas"]).ShouldBe(1); // the old pod still serves
    }

    [Fact]
    public async Task A_rollout_that_keeps_progressing_never_exceeds_the_deadline_however_long_it_takes()
    {
        // Each pod comes well within the deadline; the five of them take longer than it.
        Cluster.TickInterval = TimeSpan.FromMilliseconds(400);
        Cluster.ProgressDeadline = TimeSpan.FromSeconds(1.5);
        var reasons = new HashSet<string>();
        using var raw = new RawKubernetes(Cluster.Url);
        await raw.PatchAsync(Apply, RawObjects.Deployment(replicas: 5));

        await EventuallyAsync(d =>
        {
            if (Condition(d, "Progressing")["reason"] is { } reason)
                reasons.Add(reason.ToString());
            return reasons.Contains("NewReplicaSetAvailable");
        });

        reasons.ShouldNotContain("ProgressDeadlineExceeded");
    }

    [Fact]
    public async Task Quota_refusal_shows_as_replica_failure_on_the_deployment()
    {
        Cluster.ImageBehaviour = _ => PodBehaviour.QuotaExceeded;
        using var raw = new RawKubernetes(Cluster.Url);
        await raw.PatchAsync(Apply, RawObjects.Deployment());

        var deployment = await EventuallyAsync(d => d["status"]?["conditions"]?.AsArray().Any(c => (string?)c!["type"] == "ReplicaFailure") == true);

        Condition(deployment, "ReplicaFailure")["message"]!.ToString().ShouldContain("exceeded quota");
        Cluster.List(KubeResource.Pods, "shop").ShouldBeEmpty();
    }

    private Task<JsonObject> CompletedAsync() => EventuallyAsync(d =>
        (string?)Condition(d, "Progressing")["reason"] == "NewReplicaSetAvailable"
        && d["status"]!["observedGeneration"]!.ToJsonString() == d["metadata"]!["generation"]!.ToJsonString());

    private async Task<JsonObject> EventuallyAsync(Func<JsonObject, bool> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < until)
        {
            if (Cluster.Get(KubeResource.Deployments, "shop", "web") is { } deployment && condition(deployment))
                return deployment;
            await Task.Delay(20);
        }
        throw new ShouldAssertException($"the deployment did not reach the expected state: {Cluster.Get(KubeResource.Deployments, "shop", "web")}");
    }

    private static JsonObject Condition(JsonObject deployment, string type) =>
        deployment["status"]?["conditions"]?.AsArray().FirstOrDefault(c => (string?)c!["type"] == type)?.AsObject() ?? [];
}
