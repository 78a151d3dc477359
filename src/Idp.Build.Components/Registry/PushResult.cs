using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idp.Build.Components.Registry;

/// <summary>What a push left in the registry: the manifest digest is what deploys use, never the tag.</summary>
/// <param name="Repository">The image repository with the registry host, e.g. <c>127.0.0.1:5001/platform/hello-service</c>.</param>
/// <param name="Tag">The tag pushed.</param>
/// <param name="Digest">The manifest digest the registry serves for the tag.</param>
/// <param name="Size">The manifest's size in bytes.</param>
/// <param name="AlreadyPresent">True when the registry held that digest under the tag already and nothing was pushed.</param>
/// <param name="LayerStatus">The engine's final status per layer (<c>Pushed</c>, <c>Layer already exists</c>, …).</param>
public sealed record PushResult(
    string Repository,
    string Tag,
    string Digest,
    long Size,
    [property: JsonIgnore] bool AlreadyPresent,
    [property: JsonIgnore] IReadOnlyDictionary<string, string> LayerStatus)
{
    /// <summary>The image by digest, e.g. <c>127.0.0.1:5001/platform/hello-service@sha256:…</c>.</summary>
    [JsonIgnore]
    public string Reference => $"{Repository}@{Digest}";

    /// <summary>Writes <c>image.json</c> ({repository, tag, digest, size}) and <c>image.env</c> (a GitLab dotenv report) to <paramref name="directory"/>.</summary>
    public void WriteTo(AbsolutePath directory)
    {
        directory.CreateDirectory();
        File.WriteAllText(directory / "image.json", JsonSerializer.Serialize(this, RegistryJson.Default.PushResult) + "\n");
        File.WriteAllText(directory / "image.env", $"IMAGE_DIGEST={Digest}\nIMAGE_REPOSITORY={Repository}\nIMAGE_REFERENCE={Reference}\n");
    }

    /// <summary>Reads the <c>image.json</c> a Push wrote to <paramref name="directory"/>; a <see cref="BuildException"/> says how to get one.</summary>
    public static PushResult ReadFrom(AbsolutePath directory)
    {
        var file = directory / "image.json";
        if (!file.FileExists())
            throw new BuildException($"{file} does not exist: no image has been pushed from this checkout. Run Push first (Deploy depends on it unless skipped).");
        try
        {
            var record = JsonSerializer.Deserialize(File.ReadAllText(file), RegistryJson.Default.PushRecord);
            if (record is { Repository.Length: > 0, Tag.Length: > 0, Digest: { } digest } && digest.StartsWith("sha256:", StringComparison.Ordinal))
                return new PushResult(record.Repository, record.Tag, digest, record.Size, AlreadyPresent: false, new Dictionary<string, string>());
        }
        catch (JsonException)
        {
            // Reported below, with what the file should hold.
        }
        throw new BuildException($"{file} is not what Push writes ({{repository, tag, digest: sha256:…, size}}). Run Push again to rewrite it.");
    }

    internal sealed record PushRecord(string Repository, string Tag, string? Digest, long Size);
}
