using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Idp.Build.Components.Deploy;

/// <summary>
/// An OpenShift Route (<c>route.openshift.io/v1</c>, plural <c>routes</c>). KubernetesClient has no model for it,
/// so this one carries the fields the golden path sets and reads back; it is applied as a custom object.
/// </summary>
public sealed class OpenShiftRoute : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The API group.</summary>
    public const string Group = "route.openshift.io";

    /// <summary>The API version within the group.</summary>
    public const string Version = "v1";

    /// <summary>The resource's plural name in URLs.</summary>
    public const string Plural = "routes";

    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = $"{Group}/{Version}";

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "Route";

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>Where the route sends traffic and how TLS ends.</summary>
    [JsonPropertyName("spec")]
    public RouteSpec Spec { get; set; } = new();

    /// <summary>What the routers report; filled by the cluster.</summary>
    [JsonPropertyName("status")]
    public RouteStatus? Status { get; set; }
}

/// <summary>The <c>spec</c> of an <see cref="OpenShiftRoute"/>.</summary>
public sealed class RouteSpec
{
    /// <summary>The public host; the router assigns one when empty.</summary>
    [JsonPropertyName("host")]
    public string? Host { get; set; }

    /// <summary>The path prefix served.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>The Service the route sends traffic to.</summary>
    [JsonPropertyName("to")]
    public RouteTarget To { get; set; } = new();

    /// <summary>The Service port, by number or name.</summary>
    [JsonPropertyName("port")]
    public RoutePort? Port { get; set; }

    /// <summary>TLS termination; null for plain HTTP.</summary>
    [JsonPropertyName("tls")]
    public RouteTlsConfig? Tls { get; set; }
}

/// <summary>The backend of a route.</summary>
public sealed class RouteTarget
{
    /// <summary>Always <c>Service</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "Service";

    /// <summary>The Service's name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>The share of traffic, 0–256.</summary>
    [JsonPropertyName("weight")]
    public int? Weight { get; set; }
}

/// <summary>The Service port a route targets.</summary>
public sealed class RoutePort
{
    /// <summary>The port's number or name.</summary>
    [JsonPropertyName("targetPort")]
    public IntOrString TargetPort { get; set; } = new();
}

/// <summary>The TLS settings of a route.</summary>
public sealed class RouteTlsConfig
{
    /// <summary><c>edge</c>, <c>reencrypt</c> or <c>passthrough</c>.</summary>
    [JsonPropertyName("termination")]
    public string Termination { get; set; } = "edge";

    /// <summary>What happens to plain HTTP: <c>None</c>, <c>Allow</c> or <c>Redirect</c>.</summary>
    [JsonPropertyName("insecureEdgeTerminationPolicy")]
    public string? InsecureEdgeTerminationPolicy { get; set; }
}

/// <summary>The <c>status</c> of an <see cref="OpenShiftRoute"/>.</summary>
public sealed class RouteStatus
{
    /// <summary>One entry per router that serves the route.</summary>
    [JsonPropertyName("ingress")]
    public IList<RouteIngress>? Ingress { get; set; }
}

/// <summary>A router's view of a route.</summary>
public sealed class RouteIngress
{
    /// <summary>The host the router serves.</summary>
    [JsonPropertyName("host")]
    public string? Host { get; set; }

    /// <summary>The router's name.</summary>
    [JsonPropertyName("routerName")]
    public string? RouterName { get; set; }

    /// <summary>Conditions such as <c>Admitted</c>.</summary>
    [JsonPropertyName("conditions")]
    public IList<RouteIngressCondition>? Conditions { get; set; }
}

/// <summary>A condition a router reports for a route.</summary>
public sealed class RouteIngressCondition
{
    /// <summary>E.g. <c>Admitted</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; set; } = "";

    /// <summary>Why, in one word.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>Why, in a sentence.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
