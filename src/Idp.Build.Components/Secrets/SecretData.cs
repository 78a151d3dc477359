namespace Idp.Build.Components.Secrets;

/// <summary>A KV v2 read: the secret's keys and values and the version's metadata (named as in VaultSharp).</summary>
public sealed class SecretData
{
    /// <summary>The keys and values; a value that is not a JSON string is given as its JSON text.</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();

    /// <summary>The version that was read.</summary>
    public CurrentSecretMetadata Metadata { get; init; } = new();
}

/// <summary>A KV v2 version's metadata.</summary>
public sealed class CurrentSecretMetadata
{
    /// <summary>When the version was written.</summary>
    public DateTimeOffset? CreatedTime { get; init; }

    /// <summary>When it was (or will be) soft-deleted; null when it is not.</summary>
    public DateTimeOffset? DeletionTime { get; init; }

    /// <summary>True when its data is gone for good.</summary>
    public bool Destroyed { get; init; }

    /// <summary>The version number.</summary>
    public int Version { get; init; }

    /// <summary>The secret's custom metadata (e.g. <c>owner</c>).</summary>
    public IReadOnlyDictionary<string, string> CustomMetadata { get; init; } = new Dictionary<string, string>();
}
