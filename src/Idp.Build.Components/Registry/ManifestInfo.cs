namespace Idp.Build.Components.Registry;

/// <summary>A manifest as the registry reports it: its digest (over the exact stored bytes), size and media type.</summary>
public sealed record ManifestInfo(string Digest, long Size, string MediaType);
