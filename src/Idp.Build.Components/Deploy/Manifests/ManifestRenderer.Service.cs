using Idp.Build.Components.Descriptor;
using k8s.Models;

namespace Idp.Build.Components.Deploy.Manifests;

public static partial class ManifestRenderer
{
    private static V1Service Service(RenderContext context) => new()
    {
        ApiVersion = V1Service.KubeApiVersion,
        Kind = V1Service.KubeKind,
        Metadata = Metadata(context, context.Service.Name),
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            Selector = SelectorLabels(context),
            Ports = [new V1ServicePort { Name = PortName, Port = ServicePort, TargetPort = PortName, Protocol = "TCP" }],
        },
    };

    private static OpenShiftRoute? Route(RenderContext context)
    {
        if (context.Environment.Route is not { } route)
            return null;
        return new OpenShiftRoute
        {
            Metadata = Metadata(context, context.Service.Name),
            Spec = new RouteSpec
            {
                Host = route.Host,
                To = new RouteTarget { Kind = "Service", Name = context.Service.Name, Weight = 100 },
                Port = new RoutePort { TargetPort = PortName },
                Tls = Tls(route.Tls),
            },
        };
    }

    // Plain HTTP to a TLS route is redirected, never served: the default for every termination that has TLS.
    private static RouteTlsConfig? Tls(RouteTls tls) => tls switch
    {
        RouteTls.Edge => new RouteTlsConfig { Termination = "edge", InsecureEdgeTerminationPolicy = "Redirect" },
        RouteTls.Reencrypt => new RouteTlsConfig { Termination = "reencrypt", InsecureEdgeTerminationPolicy = "Redirect" },
        RouteTls.Passthrough => new RouteTlsConfig { Termination = "passthrough", InsecureEdgeTerminationPolicy = "Redirect" },
        RouteTls.None => null,
        _ => throw new ArgumentOutOfRangeException(nameof(tls), tls, "Unknown route TLS termination."),
    };
}
