namespace Idp.Docs.Tests;

/// <summary>A new empty folder, removed with everything in it at the end of the test.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    /// <summary>The folder.</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory("idp-docs-tests-").FullName;

    /// <summary>A path inside the folder.</summary>
    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process a test started may still hold a file for a moment; the folder is in the temp directory.
        }
    }
}
