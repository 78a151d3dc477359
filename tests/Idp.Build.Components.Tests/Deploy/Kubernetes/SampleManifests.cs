using Idp.Build.Components.Deploy;
using k8s.Models;

namespace Idp.Build.Components.Tests.Deploy.Kubernetes;

/// <summary>Manifests of the orders service as the renderer produces them: image by digest, labels, probes left out.</summary>
internal static class SampleManifests
{
    public const string Name = "orders";
    public const string Good = "nexus.example.internal/shop/orders@sha256:1111111111111111111111111111111111111111111111111111111111111111";
    public const string Better = "nexus.example.internal/shop/orders@sha256:2222222222222222222222222222222222222222222222222222222222222222";
    public const string Broken = "nexus.example.internal/shop/orders@sha256:dead000000000000000000000000000000000000000000000000000000000000";

    public static DeploymentManifests For(string ns, string image, int replicas = 2, bool route = true, bool secret = true)
    {
        var labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = Name };
        var deployment = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = ns, Labels = labels },
            Spec = new V1DeploymentSpec
            {
                Replicas = replicas,
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec
                    {
                        Containers = [new V1Container { Name = Name, Image = image, Ports = [new V1ContainerPort { ContainerPort = 8080, Name = "http" }] }],
                    },
                },
            },
        };
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = ns, Labels = labels },
            Spec = new V1ServiceSpec { Selector = labels, Ports = [new V1ServicePort { Name = "http", Port = 8080, TargetPort = 8080 }] },
        };
        var openShiftRoute = new OpenShiftRoute
        {
            Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = ns, Labels = labels },
            Spec = new RouteSpec { To = new RouteTarget { Name = Name, Weight = 100 }, Port = new RoutePort { TargetPort = "http" }, Tls = new RouteTlsConfig { Termination = "edge", InsecureEdgeTerminationPolicy = "Redirect" } },
        };
        var v1Secret = new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = $"{Name}-secrets", NamespaceProperty = ns, Labels = labels },
            StringData = new Dictionary<string, string> { ["ConnectionStrings__Orders"] = "Host=db;Password=s3cret" },
        };
        return new DeploymentManifests(ns, deployment, service, route ? openShiftRoute : null, secret ? v1Secret : null);
    }
}
