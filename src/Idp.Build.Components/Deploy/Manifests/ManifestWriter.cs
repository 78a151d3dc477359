using k8s.Models;

namespace Idp.Build.Components.Deploy.Manifests;

/// <summary>
/// Writes rendered manifests as reviewable YAML, one file per object, into one environment's directory
/// (by convention <c>artifacts/manifests/&lt;environment&gt;/</c>). The Secret is written with its keys but
/// every value replaced by <see cref="RedactedValue"/>, so no secret reaches the disk.
/// </summary>
public static class ManifestWriter
{
    /// <summary>What stands in a written Secret for each value.</summary>
    public const string RedactedValue = "<redacted>";

    private const string SecretHeader =
        "# The values are redacted: this file shows which keys the deploy applies, never their values.\n";

    /// <summary>
    /// Writes <c>deployment.yaml</c>, <c>service.yaml</c>, <c>route.yaml</c> (with a route) and <c>secret.yaml</c>
    /// (with a materialised Secret) into <paramref name="directory"/>, creating it, and deletes the other
    /// <c>*.yaml</c> files there, left from an earlier render (e.g. a route since removed from idp.yaml).
    /// </summary>
    /// <returns>The files written, in apply order.</returns>
    public static IReadOnlyList<AbsolutePath> Write(DeploymentManifests manifests, AbsolutePath directory)
    {
        directory.CreateDirectory();
        var files = new List<(string Name, string Yaml)>();
        if (manifests.Secret is { } secret)
            files.Add(("secret.yaml", SecretHeader + ManifestYaml.Serialize(Redacted(secret))));
        files.Add(("deployment.yaml", ManifestYaml.Serialize(manifests.Deployment)));
        files.Add(("service.yaml", ManifestYaml.Serialize(manifests.Service)));
        if (manifests.Route is { } route)
            files.Add(("route.yaml", ManifestYaml.Serialize(route)));

        var written = new List<AbsolutePath>();
        foreach (var (name, yaml) in files)
        {
            var path = directory / name;
            File.WriteAllText(path, yaml.ReplaceLineEndings("\n"));
            written.Add(path);
        }
        foreach (var stale in Directory.EnumerateFiles(directory, "*.yaml").Where(f => !files.Any(w => w.Name == Path.GetFileName(f))).ToArray())
            File.Delete(stale);
        return written;
    }

    // Keys of 'data' and 'stringData' alike are shown as plain 'stringData', each with the same stand-in value.
    private static V1Secret Redacted(V1Secret secret) => new()
    {
        ApiVersion = secret.ApiVersion,
        Kind = secret.Kind,
        Metadata = secret.Metadata,
        Type = secret.Type,
        Immutable = secret.Immutable,
        StringData = (secret.StringData?.Keys ?? []).Concat(secret.Data?.Keys ?? [])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToDictionary(key => key, _ => RedactedValue),
    };
}
