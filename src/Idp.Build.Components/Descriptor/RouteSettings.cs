namespace Idp.Build.Components.Descriptor;

/// <summary>An environment's OpenShift Route.</summary>
/// <param name="Host">The public host name, a DNS-1123 subdomain.</param>
/// <param name="Tls">Where TLS is terminated.</param>
public sealed record RouteSettings(string Host, RouteTls Tls);

/// <summary>The TLS termination of a Route.</summary>
public enum RouteTls
{
    /// <summary>TLS ends at the router; plain HTTP to the pod (the default).</summary>
    Edge,

    /// <summary>TLS ends at the router and the router opens a new TLS connection to the pod.</summary>
    Reencrypt,

    /// <summary>The router passes TLS through; the pod terminates it.</summary>
    Passthrough,

    /// <summary>Plain HTTP only.</summary>
    None,
}
