namespace Idp.Build.Components.Registry;

/// <summary>A manifest as the registry reports it.</summary>
/// <param name="Digest">The digest over the exact stored bytes.</param>
/// <param name="Size">The manifest's size in bytes.</param>
/// <param name="MediaType">Its media type (Docker v2 or OCI, manifest or index).</param>
/// <param name="ConfigDigest">The digest of the image config it names, when its body was read and it is an image manifest.</param>
public sealed record ManifestInfo(string Digest, long Size, string MediaType, string? ConfigDigest = null);
