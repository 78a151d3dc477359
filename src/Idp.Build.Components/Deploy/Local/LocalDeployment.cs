namespace Idp.Build.Components.Deploy.Local;

/// <summary>The container that serves after a local deploy.</summary>
/// <param name="ContainerId">The serving container's id.</param>
/// <param name="Image">The image it runs, by digest.</param>
/// <param name="Url">Where the service answers.</param>
/// <param name="Previous">The labels of the container that served before, or null for the first deploy.</param>
public sealed record LocalDeployment(string ContainerId, string Image, Uri Url, IReadOnlyDictionary<string, string>? Previous);
