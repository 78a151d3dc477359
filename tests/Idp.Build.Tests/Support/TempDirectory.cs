namespace Idp.Build.Tests.Support;

/// <summary>A fresh directory with a <c>.nuke/</c> folder, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = AbsolutePath.Create(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "idp-tests", Guid.NewGuid().ToString("N")[..12]));
        (Path / ".nuke").CreateDirectory();
    }

    public AbsolutePath Path { get; }

    public AbsolutePath Write(string relativePath, string content)
    {
        var file = Path / relativePath;
        file.Parent!.CreateDirectory();
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold a file; the OS temp cleaner will get it.
        }
    }
}
