namespace Idp.Templates.Tests.Support;

/// <summary>
/// Idp.Build and Idp.Build.Components packed from this repository into a throwaway folder feed, under a version of
/// their own so that restore takes them from this feed and not from a copy of 0.1.0 already in the NuGet cache.
/// Dispose removes the folder and that version from the NuGet cache again.
/// </summary>
public sealed class SdkFeed : IDisposable
{
    private static readonly string[] Packages = ["Idp.Build", "Idp.Build.Components"];

    public SdkFeed()
    {
        foreach (var package in Packages)
        {
            TemplateHive.Dotnet(Directory, "pack", Path.Combine(RepositoryLayout.Root, "src", package), "--no-restore",
                "--output", Directory, $"-p:Version={Version}", "--nologo", "-v", "q").ShouldSucceed();
        }
    }

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("idp-feed-").FullName;

    public string Version { get; } = $"0.1.0-templatetest.{DateTime.UtcNow:yyyyMMddHHmmss}";

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
}
