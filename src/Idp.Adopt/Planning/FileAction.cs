namespace Idp.Adopt.Planning;

/// <summary>What the adoption does with one file.</summary>
public enum FileAction
{
    /// <summary>The file is missing and is written.</summary>
    Create,

    /// <summary>The file exists and is left as it is.</summary>
    Keep,

    /// <summary>The repository's own file is kept; the golden-path version is written next to it under another name.</summary>
    WriteBeside,

    /// <summary>The file exists and is replaced (only with --force).</summary>
    Overwrite,
}
