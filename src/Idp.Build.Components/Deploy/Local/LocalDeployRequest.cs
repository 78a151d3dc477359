namespace Idp.Build.Components.Deploy.Local;

/// <summary>What to run on the local engine, and how to tell that it is healthy.</summary>
/// <param name="Service">The service's name; names the containers (<c>idp-&lt;service&gt;</c>).</param>
/// <param name="Image">The image, by digest.</param>
/// <param name="ContainerPort">The port the service listens on inside its container (<c>service.port</c>).</param>
/// <param name="HostPort">The port on 127.0.0.1 where the service answers once deployed.</param>
/// <param name="HealthPath">The path that answers 200 when the service is healthy.</param>
/// <param name="Environment">The container's environment variables, secrets included.</param>
/// <param name="Timeout">How long the new container may take to become healthy.</param>
/// <param name="Labels">Labels recorded on the container (commit, deployment id), read back by the next deploy.</param>
public sealed record LocalDeployRequest(
    string Service,
    string Image,
    int ContainerPort,
    int HostPort,
    string HealthPath,
    IReadOnlyDictionary<string, string> Environment,
    TimeSpan Timeout,
    IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The name of the container that serves.</summary>
    public string ContainerName => $"idp-{Service}";

    /// <summary>The URL of the service once deployed.</summary>
    public Uri Url => new($"http://127.0.0.1:{HostPort}/");
}
