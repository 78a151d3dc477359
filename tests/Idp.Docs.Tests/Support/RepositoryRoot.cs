using Idp.Build;

namespace Idp.Docs.Tests;

/// <summary>The repository these tests were built from: the nearest folder above the test assembly holding Idp.Build.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<AbsolutePath> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Idp.Build.sln")))
                return AbsolutePath.Create(directory.FullName);
        }
        throw new InvalidOperationException($"No Idp.Build.sln above {AppContext.BaseDirectory}: the doc tests run from a build inside the repository.");
    });

    /// <summary>The repository's root folder.</summary>
    public static AbsolutePath Path => Root.Value;
}
