using Idp.Testing.Processes;

namespace Idp.Testing.Sdk;

/// <summary>
/// Idp.Build and Idp.Build.Components packed from this repository into a throwaway folder feed, under a version of
/// their own so that restore takes them from this feed and not from a copy of 0.1.0 already in the NuGet cache.
/// Dispose removes the folder and that version from the NuGet cache again.
/// </summary>
public sealed class SdkFeed : IDisposable
{
    private static readonly string[] Packages = ["Idp.Build", "Idp.Build.Components"];

    /// <summary>Packs the SDK under a version labelled <paramref name="label"/>, e.g. <c>0.1.0-templatetest.20261128141500</c>.</summary>
    public SdkFeed(string label = "templatetest")
    {
        Version = $"0.1.0-{label}.{DateTime.UtcNow:yyyyMMddHHmmss}";
        foreach (var package in Packages)
        {
            var pack = Command.Run("dotnet", ["pack", Path.Combine(RepositoryRoot, "src", package), "--no-restore",
                "--output", Directory, $"-p:Version={Version}", "--nologo", "-v", "q"], Directory, TimeSpan.FromMinutes(5));
            if (pack.ExitCode != 0)
                throw new InvalidOperationException($"Packing {package} for the test feed failed: {pack}");
        }
    }

    /// <summary>The clone of Idp.Build the tests run in: the folder above the test assembly that holds Idp.Build.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The folder feed.</summary>
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("idp-feed-").FullName;

    /// <summary>The version the packages were packed under.</summary>
    public string Version { get; }

    /// <summary>Removes the feed and the packages restored from it.</summary>
    public void Dispose()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var package in Packages)
        {
            var restored = Path.Combine(cache, package.ToLowerInvariant(), Version);
            if (System.IO.Directory.Exists(restored))
                System.IO.Directory.Delete(restored, recursive: true);
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Idp.Build.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No Idp.Build.sln above {AppContext.BaseDirectory}: run the tests from a clone of the repository.");
    }
}
