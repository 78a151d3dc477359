namespace Idp.Templates.Tests.Support;

/// <summary>One run of <c>dotnet new idp-service</c>: the directory it ran in and how it ended.</summary>
public sealed class Generation(string directory, CommandResult result) : IDisposable
{
    /// <summary>The directory <c>dotnet new</c> ran in; the repository is its subdirectory named after -n.</summary>
    public string Directory { get; } = directory;

    public CommandResult Result { get; } = result;

    /// <summary>Every file created below <see cref="Directory"/>, as '/'-separated relative paths.</summary>
    public IReadOnlyList<string> Files =>
        [.. System.IO.Directory.GetFiles(Directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Directory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public string PathOf(string relative) => System.IO.Path.Combine(Directory, relative);

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
