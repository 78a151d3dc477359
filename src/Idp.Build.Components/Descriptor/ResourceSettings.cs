namespace Idp.Build.Components.Descriptor;

/// <summary>An environment's container resources.</summary>
/// <param name="Requests">What the scheduler reserves.</param>
/// <param name="Limits">What the container may use at most.</param>
public sealed record ResourceSettings(ResourceQuantities Requests, ResourceQuantities Limits)
{
    /// <summary>No requests and no limits (the cluster's defaults apply).</summary>
    public static ResourceSettings None { get; } = new(ResourceQuantities.None, ResourceQuantities.None);
}

/// <summary>CPU and memory as Kubernetes quantities, as written (<c>100m</c>, <c>0.5</c>, <c>128Mi</c>); null when not given.</summary>
public sealed record ResourceQuantities(string? Cpu, string? Memory)
{
    /// <summary>Neither CPU nor memory.</summary>
    public static ResourceQuantities None { get; } = new(null, null);

    /// <summary>True when neither is given.</summary>
    public bool IsEmpty => Cpu is null && Memory is null;
}
