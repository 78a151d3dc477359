using Idp.Build.Components.Deploy.Manifests;
using static Idp.Build.Components.Tests.Deploy.DeployInputs;

namespace Idp.Build.Components.Tests.Deploy.Manifests;

/// <summary>The OpenShift Route, when the environment has one.</summary>
public sealed class RoutingTraffic
{
    [Fact]
    public void The_sample_s_route_serves_its_host_over_edge_TLS_and_redirects_plain_HTTP()
    {
        var route = ManifestRenderer.Render(Sample, Sample.GetEnvironment("production"), ImageA, Commit).Route.ShouldNotBeNull();

        (route.ApiVersion, route.Kind, route.Metadata.Name, route.Metadata.NamespaceProperty)
            .ShouldBe(("route.openshift.io/v1", "Route", "hello-service", "platform-prod"));
        route.Spec.Host.ShouldBe("hello-service.apps.example.internal");
        (route.Spec.To.Kind, route.Spec.To.Name).ShouldBe(("Service", "hello-service"));
        route.Spec.Port.ShouldNotBeNull().TargetPort.Value.ShouldBe("http");
        var tls = route.Spec.Tls.ShouldNotBeNull();
        (tls.Termination, tls.InsecureEdgeTerminationPolicy).ShouldBe(("edge", "Redirect"));
    }

    [Theory]
    [InlineData("edge", "edge")]
    [InlineData("reencrypt", "reencrypt")]
    [InlineData("passthrough", "passthrough")]
    public void Each_TLS_termination_redirects_plain_HTTP(string tls, string termination)
    {
        var descriptor = WithDev($"route: {{ host: hello-dev.apps.example.internal, tls: {tls} }}");

        var route = ManifestRenderer.Render(descriptor, descriptor.GetEnvironment("dev"), ImageA, Commit).Route.ShouldNotBeNull();

        route.Spec.Tls.ShouldNotBeNull().Termination.ShouldBe(termination);
        route.Spec.Tls.InsecureEdgeTerminationPolicy.ShouldBe("Redirect");
    }

    [Fact]
    public void Tls_none_serves_plain_HTTP()
    {
        var descriptor = WithDev("route: { host: hello-dev.apps.example.internal, tls: none }");

        var route = ManifestRenderer.Render(descriptor, descriptor.GetEnvironment("dev"), ImageA, Commit).Route.ShouldNotBeNull();

        route.Spec.Tls.ShouldBeNull();
    }

    [Fact]
    public void An_environment_without_a_route_gets_none()
    {
        var descriptor = WithDev("replicas: 1");

        ManifestRenderer.Render(descriptor, descriptor.GetEnvironment("dev"), ImageA, Commit).Route.ShouldBeNull();
    }
}
