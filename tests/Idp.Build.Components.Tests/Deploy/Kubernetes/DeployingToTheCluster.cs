using Idp.Build.Components.Deploy.Kubernetes;
using Idp.Testing.Kubernetes;

namespace Idp.Build.Components.Tests.Deploy.Kubernetes;

/// <summary>A deploy applies the manifests with server-side apply and waits for the rollout, against the fake API server.</summary>
public class DeployingToTheCluster : FakeKubernetesScope
{
    [Fact]
    public async Task A_first_deploy_rolls_out_revision_1()
    {
        using var deployer = Deployer();

        var outcome = await deployer.DeployAsync(SampleManifests.For(Ns, SampleManifests.Good), TimeSpan.FromSeconds(20), Report, CancellationToken.None);

        outcome.Succeeded.ShouldBeTrue(outcome.Rollout.Message);
        outcome.Rollout.Revision.ShouldBe(1);
        outcome.Rollout.Image.ShouldBe(SampleManifests.Good);
        outcome.Evidence.ShouldBeNull();
        outcome.Rollback.ShouldBeNull();
        Progress[^1].ShouldBe("deployment \"orders\" successfully rolled out");
    }

    [Fact]
    public async Task Each_new_rollout_state_is_reported_once_as_kubectl_words_it()
    {
        Cluster.TickInterval = TimeSpan.FromMilliseconds(250); // slow enough that the wait sees every step
        using var deployer = Deployer();

        await deployer.DeployAsync(SampleManifests.For(Ns, SampleManifests.Good, replicas: 3), TimeSpan.FromSeconds(20), Report, CancellationToken.None);

        var rollout = Progress.Where(l => !l.StartsWith("Applied", StringComparison.Ordinal)).ToList();
        rollout.ShouldContain("Waiting for deployment \"orders\" rollout to finish: 1 out of 3 new replicas have been updated...");
        rollout.ShouldContain("Waiting for deployment \"orders\" rollout to finish: 2 out of 3 new replicas have been updated...");
        rollout[^1].ShouldBe("deployment \"orders\" successfully rolled out");
        rollout.ShouldBeUnique();
    }

    [Fact]
    public async Task Objects_are_applied_in_order_with_the_idp_build_field_manager_and_force()
    {
        using var deployer = Deployer();

        await deployer.ApplyAsync(SampleManifests.For(Ns, SampleManifests.Good), Report, CancellationToken.None);

        Cluster.Requests.Where(r => r.Method == "PATCH").Select(r => r.PathAndQuery).ShouldBe(
        [
            "/api/v1/namespaces/shop/secrets/orders-secrets?fieldManager=idp-build&force=true",
            "/apis/apps/v1/namespaces/shop/deployments/orders?fieldManager=idp-build&force=true",
            "/api/v1/namespaces/shop/services/orders?fieldManager=idp-build&force=true",
            "/apis/route.openshift.io/v1/namespaces/shop/routes/orders?fieldManager=idp-build&force=true",
        ]);
        Cluster.Requests.Where(r => r.Method == "PATCH").ShouldAllBe(r => r.ContentType!.StartsWith("application/apply-patch+yaml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_route_is_applied_as_a_custom_object_and_its_status_read_back()
    {
        using var deployer = Deployer();

        var applied = await deployer.ApplyAsync(SampleManifests.For(Ns, SampleManifests.Good), Report, CancellationToken.None);

        applied.Route.ShouldNotBeNull();
        applied.Route.Spec.Host.ShouldBe("orders-shop.apps.fake.example");
        var ingress = applied.Route.Status!.Ingress!.ShouldHaveSingleItem();
        ingress.Conditions!.ShouldContain(c => c.Type == "Admitted" && c.Status == "True");
        Cluster.Get(KubeResource.Routes, Ns, "orders")!["spec"]!["tls"]!["termination"]!.ToString().ShouldBe("edge");
        Progress.ShouldContain("Applied route/orders in shop (host orders-shop.apps.fake.example)");
    }

    [Fact]
    public async Task The_secret_is_stored_as_data_and_the_deployment_and_service_as_sent()
    {
        using var deployer = Deployer();

        var applied = await deployer.ApplyAsync(SampleManifests.For(Ns, SampleManifests.Good, route: true, secret: true), Report, CancellationToken.None);

        System.Text.Encoding.UTF8.GetString(applied.Secret!.Data["ConnectionStrings__Orders"]).ShouldBe("Host=db;Password=s3cret");
        applied.Deployment!.Spec.Template.Spec.Containers[0].Image.ShouldBe(SampleManifests.Good);
        applied.Service!.Spec.ClusterIP.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Without_a_route_or_secret_only_deployment_and_service_are_applied()
    {
        using var deployer = Deployer();

        var applied = await deployer.ApplyAsync(SampleManifests.For(Ns, SampleManifests.Good, route: false, secret: false), Report, CancellationToken.None);

        applied.Route.ShouldBeNull();
        applied.Secret.ShouldBeNull();
        Cluster.Requests.Count(r => r.Method == "PATCH").ShouldBe(2);
    }

    [Fact]
    public async Task An_upgrade_rolls_out_revision_2_with_the_new_image()
    {
        using var deployer = Deployer();
        await deployer.DeployAsync(SampleManifests.For(Ns, SampleManifests.Good), TimeSpan.FromSeconds(20), Report, CancellationToken.None);

        var outcome = await deployer.DeployAsync(SampleManifests.For(Ns, SampleManifests.Better), TimeSpan.FromSeconds(20), Report, CancellationToken.None);

        outcome.Succeeded.ShouldBeTrue(outcome.Rollout.Message);
        outcome.Rollout.Revision.ShouldBe(2);
        outcome.Rollout.Image.ShouldBe(SampleManifests.Better);
        Cluster.List(KubeResource.ReplicaSets, Ns).Count.ShouldBe(2);
        Cluster.List(KubeResource.Pods, Ns).ShouldAllBe(p => p["spec"]!["containers"]![0]!["image"]!.ToString() == SampleManifests.Better);
    }

    [Fact]
    public async Task Reapplying_the_same_manifests_is_complete_at_once_without_a_new_revision()
    {
        using var deployer = Deployer();
        await deployer.DeployAsync(SampleManifests.For(Ns, SampleManifests.Good), TimeSpan.FromSeconds(20), Report, CancellationToken.None);

        var outcome = await deployer.DeployAsync(SampleManifests.For(Ns, SampleManifests.Good), TimeSpan.FromSeconds(20), Report, CancellationToken.None);

        outcome.Succeeded.ShouldBeTrue();
        outcome.Rollout.Revision.ShouldBe(1);
        Cluster.List(KubeResource.ReplicaSets, Ns).Count.ShouldBe(1);
    }
}
