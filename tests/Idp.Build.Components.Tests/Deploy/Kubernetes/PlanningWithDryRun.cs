using Idp.Testing.Kubernetes;

namespace Idp.Build.Components.Tests.Deploy.Kubernetes;

/// <summary>A plan asks the cluster for a server-side dry run: it sees the objects as they would be stored, and nothing changes.</summary>
public class PlanningWithDryRun : FakeKubernetesScope
{
    [Fact]
    public async Task A_dry_run_returns_the_defaulted_objects_and_stores_nothing()
    {
        using var deployer = Deployer();

        var planned = await deployer.DryRunAsync(SampleManifests.For(Ns, SampleManifests.Good), CancellationToken.None);

        planned.Deployment!.Spec.ProgressDeadlineSeconds.ShouldBe(600);
        planned.Deployment.Spec.Template.Spec.Containers[0].Image.ShouldBe(SampleManifests.Good);
        planned.Route!.Spec.Host.ShouldBe("orders-shop.apps.fake.example");
        Cluster.Requests.Where(r => r.Method == "PATCH").ShouldAllBe(r => r.PathAndQuery.Contains("dryRun=All", StringComparison.Ordinal));
        foreach (var resource in new[] { KubeResource.Secrets, KubeResource.Deployments, KubeResource.Services, KubeResource.Routes, KubeResource.ReplicaSets })
            Cluster.List(resource, Ns).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_dry_run_of_an_upgrade_shows_the_new_image_while_the_old_one_stays()
    {
        using var deployer = Deployer();
        await deployer.ApplyAsync(SampleManifests.For(Ns, SampleManifests.Good), Report, CancellationToken.None);

        var planned = await deployer.DryRunAsync(SampleManifests.For(Ns, SampleManifests.Better), CancellationToken.None);
        var current = await deployer.ReadCurrentAsync(SampleManifests.For(Ns, SampleManifests.Better), CancellationToken.None);

        planned.Deployment!.Spec.Template.Spec.Containers[0].Image.ShouldBe(SampleManifests.Better);
        planned.Deployment.Metadata.Generation.ShouldBe(2);
        current.Deployment!.Spec.Template.Spec.Containers[0].Image.ShouldBe(SampleManifests.Good);
        current.Deployment.Metadata.Generation.ShouldBe(1);
        Cluster.List(KubeResource.ReplicaSets, Ns).ShouldAllBe(rs => rs["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.ToString() == SampleManifests.Good);
    }

    [Fact]
    public async Task Reading_objects_that_do_not_exist_gives_nulls()
    {
        using var deployer = Deployer();

        var current = await deployer.ReadCurrentAsync(SampleManifests.For(Ns, SampleManifests.Good), CancellationToken.None);

        current.Deployment.ShouldBeNull();
        current.Service.ShouldBeNull();
        current.Route.ShouldBeNull();
        current.Secret.ShouldBeNull();
    }
}
