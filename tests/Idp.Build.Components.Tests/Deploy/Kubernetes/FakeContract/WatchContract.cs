namespace Idp.Build.Components.Tests.Deploy.Kubernetes.FakeContract;

/// <summary>Watches as the fake list's item 5 describes: one JSON event per line, ADDED first, MODIFIED after, closed after timeoutSeconds.</summary>
public class WatchContract : FakeKubernetesScope
{
    private const string Apply = RawObjects.DeploymentPath + "?fieldManager=idp-build&force=true";

    [Fact]
    public async Task A_watch_starts_with_added_then_streams_modified_and_closes_after_the_timeout()
    {
        using var raw = new RawKubernetes(Cluster.Url);
        await raw.PatchAsync(Apply, RawObjects.Deployment());
        var changed = false;

        var started = DateTime.UtcNow;
        var (contentType, events) = await raw.WatchAsync("/apis/apps/v1/namespaces/shop/deployments?fieldSelector=metadata.name%3Dweb&timeoutSeconds=1&watch=true", async evt =>
        {
            if (!changed)
            {
                changed = true;
                await raw.PatchAsync(Apply, RawObjects.Deployment(replicas: 2));
            }
        });

        (DateTime.UtcNow - started).ShouldBeGreaterThan(TimeSpan.FromMilliseconds(900));
        contentType.ShouldBe("application/json");
        ((string?)events[0]["type"]).ShouldBe("ADDED");
        ((string?)events[0]["object"]!["kind"]).ShouldBe("Deployment");
        events.Skip(1).ShouldAllBe(e => (string?)e["type"] == "MODIFIED");
        events.ShouldContain(e => (int?)e["object"]!["spec"]!["replicas"] == 2);
    }

    [Fact]
    public async Task A_watch_from_a_resource_version_replays_only_later_changes()
    {
        using var raw = new RawKubernetes(Cluster.Url);
        var (_, first) = await raw.PatchAsync(Apply, RawObjects.Deployment());
        await raw.PatchAsync(Apply, RawObjects.Deployment(replicas: 5));

        var (_, events) = await raw.WatchAsync($"/apis/apps/v1/namespaces/shop/deployments?resourceVersion={first["metadata"]!["resourceVersion"]}&timeoutSeconds=1&watch=true");

        // The fake's controller may write the status of the first version after it was applied: that change is later
        // than the given version too, so it may come first; what must never come is the first version itself.
        var since = long.Parse((string)first["metadata"]!["resourceVersion"]!, System.Globalization.CultureInfo.InvariantCulture);
        events.ShouldNotBeEmpty();
        events.ShouldAllBe(e => (string?)e["type"] == "MODIFIED");
        events.ShouldAllBe(e => long.Parse((string)e["object"]!["metadata"]!["resourceVersion"]!, System.Globalization.CultureInfo.InvariantCulture) > since);
        events.ShouldContain(e => (int?)e["object"]!["spec"]!["replicas"] == 5);
    }

    [Fact]
    public async Task An_expired_watch_sends_an_error_event_with_a_410_status_and_ends()
    {
        Cluster.ExpireNextWatches();
        using var raw = new RawKubernetes(Cluster.Url);

        var (_, events) = await raw.WatchAsync("/apis/apps/v1/namespaces/shop/deployments?resourceVersion=1&timeoutSeconds=5&watch=true");

        var error = events.ShouldHaveSingleItem();
        ((string?)error["type"]).ShouldBe("ERROR");
        ((string?)error["object"]!["kind"]).ShouldBe("Status");
        ((int?)error["object"]!["code"]).ShouldBe(410);
        ((string?)error["object"]!["reason"]).ShouldBe("Expired");
    }

    [Fact]
    public async Task Watch_events_filter_by_label_selector()
    {
        using var raw = new RawKubernetes(Cluster.Url);
        await raw.PatchAsync(Apply, RawObjects.Deployment());

        var (_, matching) = await raw.WatchAsync("/apis/apps/v1/namespaces/shop/deployments?labelSelector=app%3Dweb&timeoutSeconds=1&watch=true");
        var (_, other) = await raw.WatchAsync("/apis/apps/v1/namespaces/shop/deployments?labelSelector=app%3Dother&timeoutSeconds=1&watch=true");

        matching.ShouldNotBeEmpty();
        other.ShouldBeEmpty();
    }
}
