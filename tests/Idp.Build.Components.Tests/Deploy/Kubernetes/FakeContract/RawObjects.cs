using System.Text.Json.Nodes;

namespace Idp.Build.Components.Tests.Deploy.Kubernetes.FakeContract;

/// <summary>Apply bodies as a client would send them: compact JSON with apiVersion, kind and metadata.name.</summary>
internal static class RawObjects
{
    public const string DeploymentPath = "/apis/apps/v1/namespaces/shop/deployments/web";

    public static JsonObject Deployment(string image = "registry/web@sha256:aaa", int replicas = 1) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = "web", ["labels"] = new JsonObject { ["app"] = "web" } },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "web" } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = "web" } },
                ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = image }) },
            },
        },
    };

    public static JsonObject Route(string? host = null)
    {
        var spec = new JsonObject { ["to"] = new JsonObject { ["kind"] = "Service", ["name"] = "web" } };
        if (host is not null)
            spec["host"] = host;
        return new JsonObject
        {
            ["apiVersion"] = "route.openshift.io/v1",
            ["kind"] = "Route",
            ["metadata"] = new JsonObject { ["name"] = "web" },
            ["spec"] = spec,
        };
    }
}
