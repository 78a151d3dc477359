using Idp.Build.Components.Deploy.Kubernetes;

namespace Idp.Build.Components.Tests.Deploy.Kubernetes;

/// <summary>The rollout wait follows the Deployment with a watch and survives watches that end.</summary>
public class WatchingRollouts : FakeKubernetesScope
{
    [Fact]
    public async Task The_wait_watches_the_one_deployment_by_field_selector()
    {
        using var deployer = Deployer();
        await deployer.ApplyAsync(SampleManifests.For(Ns, SampleManifests.Good, replicas: 3), Report, CancellationToken.None);

        var result = await deployer.WaitForRolloutAsync(Ns, "orders", TimeSpan.FromSeconds(20), Report, CancellationToken.None);

        result.Outcome.ShouldBe(RolloutOutcome.Complete);
        Cluster.Requests.ShouldContain(r => r.Method == "GET" && r.PathAndQuery.Contains("fieldSelector=metadata.name%3Dorders", StringComparison.Ordinal) && r.PathAndQuery.Contains("watch=true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expired_watch_is_followed_by_a_fresh_read_and_a_new_watch()
    {
        Cluster.TickInterval = TimeSpan.FromMilliseconds(400); // the rollout outlasts the expired watches
        Cluster.ProgressDeadline = TimeSpan.FromMinutes(1); // a healthy rollout, however slow the machine
        Cluster.ExpireNextWatches(2);
        using var deployer = Deployer();
        await deployer.ApplyAsync(SampleManifests.For(Ns, SampleManifests.Good, replicas: 3), Report, CancellationToken.None);

        var result = await deployer.WaitForRolloutAsync(Ns, "orders", TimeSpan.FromSeconds(20), Report, CancellationToken.None);

        result.Outcome.ShouldBe(RolloutOutcome.Complete);
        Cluster.Requests.Count(r => r.PathAndQuery.Contains("watch=true", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(3);
        Cluster.Requests.Count(r => r.PathAndQuery == $"/apis/apps/v1/namespaces/{Ns}/deployments/orders").ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task A_watch_whose_events_cannot_be_read_is_dropped_and_the_deployment_read_again()
    {
        Cluster.TickInterval = TimeSpan.FromMilliseconds(400); // the rollout outlasts the first watches
        Cluster.ProgressDeadline = TimeSpan.FromMinutes(1);
        Cluster.GarbleWatchEvents = true;
        using var deployer = Deployer();
        await deployer.ApplyAsync(SampleManifests.For(Ns, SampleManifests.Good, replicas: 3), Report, CancellationToken.None);

        var result = await deployer.WaitForRolloutAsync(Ns, "orders", TimeSpan.FromSeconds(20), Report, CancellationToken.None);

        result.Outcome.ShouldBe(RolloutOutcome.Complete);
        Cluster.Requests.Count(r => r.PathAndQuery.Contains("watch=true", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task A_timeout_says_why_the_watch_could_not_follow_the_rollout()
    {
        Cluster.ImageBehaviour = _ => Idp.Testing.Kubernetes.PodBehaviour.ReadinessFailure;
        Cluster.ProgressDeadline = TimeSpan.FromMinutes(5);
        Cluster.GarbleWatchEvents = true;
        using var deployer = Deployer();
        await deployer.ApplyAsync(SampleManifests.For(Ns, SampleManifests.Good), Report, CancellationToken.None);

        var result = await deployer.WaitForRolloutAsync(Ns, "orders", TimeSpan.FromSeconds(2), Report, CancellationToken.None);

        result.Outcome.ShouldBe(RolloutOutcome.TimedOut);
        result.Message.ShouldStartWith("timed out after 00:00:02 waiting for deployment \"orders\"");
        result.Message.ShouldContain("; the last watch error: ");
    }

    [Fact]
    public async Task Cancelling_the_build_cancels_the_wait_instead_of_reporting_a_timeout()
    {
        Cluster.ImageBehaviour = _ => Idp.Testing.Kubernetes.PodBehaviour.ReadinessFailure;
        Cluster.ProgressDeadline = TimeSpan.FromMinutes(5);
        using var deployer = Deployer();
        await deployer.ApplyAsync(SampleManifests.For(Ns, SampleManifests.Good), Report, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Should.ThrowAsync<OperationCanceledException>(() => deployer.WaitForRolloutAsync(Ns, "orders", TimeSpan.FromSeconds(20), Report, cancel.Token));
    }
}
