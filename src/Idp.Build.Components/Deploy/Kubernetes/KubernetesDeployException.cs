namespace Idp.Build.Components.Deploy.Kubernetes;

/// <summary>The cluster refused or could not carry out a deploy step; the message names the object and what to do.</summary>
public sealed class KubernetesDeployException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KubernetesDeployException(string message, Exception? inner = null, int? statusCode = null, string? reason = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        Reason = reason;
    }

    /// <summary>The HTTP status the API server answered with, when it answered.</summary>
    public int? StatusCode { get; }

    /// <summary>The Status object's <c>reason</c> (e.g. <c>Forbidden</c>, <c>NotFound</c>), when it sent one.</summary>
    public string? Reason { get; }

    internal bool IsMissingNamespace { get; init; }
}
