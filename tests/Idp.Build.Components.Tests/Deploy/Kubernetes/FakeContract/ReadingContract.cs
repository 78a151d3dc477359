using System.Text.Json.Nodes;
using Idp.Testing.Kubernetes;

namespace Idp.Build.Components.Tests.Deploy.Kubernetes.FakeContract;

/// <summary>Reads, lists with selectors, authentication, RBAC and Status bodies as api-contracts.md §2 and its fake list (items 1, 6, 8) describe.</summary>
public class ReadingContract : FakeKubernetesScope
{
    [Fact]
    public async Task A_missing_object_is_404_with_a_not_found_status()
    {
        using var raw = new RawKubernetes(Cluster.Url);

        var (status, body) = await raw.GetAsync(RawObjects.DeploymentPath);

        status.ShouldBe(404);
        ((string?)body["kind"]).ShouldBe("Status");
        ((string?)body["apiVersion"]).ShouldBe("v1");
        ((string?)body["status"]).ShouldBe("Failure");
        ((string?)body["message"]).ShouldBe("deployments.apps \"web\" not found");
        ((string?)body["reason"]).ShouldBe("NotFound");
        body["details"]!.ToJsonString().ShouldBe("""{"name":"web","group":"apps","kind":"deployments"}""");
        ((int?)body["code"]).ShouldBe(404);
    }

    [Fact]
    public async Task A_request_without_the_bearer_token_is_401()
    {
        using var raw = new RawKubernetes(Cluster.Url, token: null);

        var (status, body) = await raw.GetAsync(RawObjects.DeploymentPath);

        status.ShouldBe(401);
        ((string?)body["reason"]).ShouldBe("Unauthorized");
    }

    [Fact]
    public async Task A_forbidden_verb_is_403_naming_user_verb_and_resource()
    {
        Cluster.Forbid("patch", "deployments");
        using var raw = new RawKubernetes(Cluster.Url);

        var (status, body) = await raw.PatchAsync(RawObjects.DeploymentPath + "?fieldManager=idp-build", RawObjects.Deployment());

        status.ShouldBe(403);
        ((string?)body["message"]).ShouldBe($"deployments.apps \"web\" is forbidden: User \"{FakeKubernetes.User}\" cannot patch resource \"deployments\" in API group \"apps\" in the namespace \"shop\"");
    }

    [Fact]
    public async Task An_unknown_namespace_is_404_naming_the_namespace()
    {
        using var raw = new RawKubernetes(Cluster.Url);

        var (status, body) = await raw.GetAsync("/api/v1/namespaces/nowhere/services/web");

        status.ShouldBe(404);
        ((string?)body["message"]).ShouldBe("namespaces \"nowhere\" not found");
    }

    [Fact]
    public async Task Lists_honour_label_and_field_selectors()
    {
        using var raw = new RawKubernetes(Cluster.Url);
        foreach (var (name, app) in new[] { ("a", "web"), ("b", "web"), ("c", "worker") })
        {
            var body = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Service",
                ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["app"] = app, ["tier"] = "backend" } },
                ["spec"] = new JsonObject { ["ports"] = new JsonArray(new JsonObject { ["port"] = 80 }) },
            };
            await raw.PatchAsync($"/api/v1/namespaces/shop/services/{name}?fieldManager=test", body);
        }

        var (status, byLabels) = await raw.GetAsync("/api/v1/namespaces/shop/services?labelSelector=app%3Dweb%2Ctier%3Dbackend&watch=false");
        var (_, byField) = await raw.GetAsync("/api/v1/namespaces/shop/services?fieldSelector=metadata.name%3Dc");

        status.ShouldBe(200);
        ((string?)byLabels["kind"]).ShouldBe("ServiceList");
        ((string?)byLabels["apiVersion"]).ShouldBe("v1");
        ((string?)byLabels["metadata"]!["resourceVersion"]).ShouldNotBeNullOrEmpty();
        byLabels["items"]!.AsArray().Select(i => (string?)i!["metadata"]!["name"]).ShouldBe(["a", "b"]);
        byField["items"]!.AsArray().Select(i => (string?)i!["metadata"]!["name"]).ShouldBe(["c"]);
    }

    [Fact]
    public async Task An_applied_route_gets_a_host_and_an_admitted_status()
    {
        using var raw = new RawKubernetes(Cluster.Url);

        var (status, body) = await raw.PatchAsync("/apis/route.openshift.io/v1/namespaces/shop/routes/web?fieldManager=idp-build&force=true", RawObjects.Route());

        status.ShouldBe(201);
        ((string?)body["spec"]!["host"]).ShouldBe("web-shop.apps.fake.example");
        var ingress = body["status"]!["ingress"]![0]!;
        ((string?)ingress["host"]).ShouldBe("web-shop.apps.fake.example");
        ((string?)ingress["conditions"]![0]!["type"]).ShouldBe("Admitted");
        ((string?)ingress["conditions"]![0]!["status"]).ShouldBe("True");
    }
}
