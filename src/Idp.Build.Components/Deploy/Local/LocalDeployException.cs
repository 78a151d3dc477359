namespace Idp.Build.Components.Deploy.Local;

/// <summary>A local deploy that did not become healthy; what served before still serves.</summary>
/// <param name="message">What failed and what to do, with the new container's last log lines.</param>
/// <param name="previous">The labels of the container that still serves, or null when nothing served before.</param>
public sealed class LocalDeployException(string message, IReadOnlyDictionary<string, string>? previous) : Exception(message)
{
    /// <summary>The labels of the container that still serves (its image, commit and deployment id), or null when nothing served before.</summary>
    public IReadOnlyDictionary<string, string>? Previous { get; } = previous;
}
