using System.Globalization;
using Idp.Build.Components.Descriptor;
using Idp.Build.Components.Repository;

namespace Idp.Build.Components.Image;

/// <summary>The labels every golden-path image carries: OCI annotations from the commit, plus team and service.</summary>
public static class ImageLabels
{
    /// <summary>The label naming the owning team.</summary>
    public const string Team = "io.idp.team";

    /// <summary>The label naming the service.</summary>
    public const string Service = "io.idp.service";

    /// <summary>
    /// OCI labels (<c>revision</c>, <c>source</c>, <c>created</c> = commit time so a rebuild of a commit gives the same
    /// labels, <c>version</c>, <c>title</c>), team and service, then the descriptor's own labels (which win).
    /// </summary>
    public static IDictionary<string, string> For(ServiceDescriptor descriptor, GitRepository git)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["org.opencontainers.image.title"] = descriptor.Service.Name,
            ["org.opencontainers.image.version"] = git.Version,
            [Team] = descriptor.Service.Team,
            [Service] = descriptor.Service.Name,
        };
        if (git.CommitSha is { } sha)
            labels["org.opencontainers.image.revision"] = sha;
        if (git.CommitTimestamp is { } created)
            labels["org.opencontainers.image.created"] = created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (git.RemoteUrl is { Length: > 0 } source)
            labels["org.opencontainers.image.source"] = source;
        foreach (var (name, value) in descriptor.Image.Labels)
            labels[name] = value;
        return labels;
    }
}
