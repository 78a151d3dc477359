using Idp.Testing.Sdk;

namespace Idp.Adopt.Tests.Support;

/// <summary>The slow tests that run an adopted repository's build: they share one SDK packed into a folder feed, and one Docker engine and registry.</summary>
[CollectionDefinition(Name)]
public sealed class FeedCollection : ICollectionFixture<AdoptionFeed>, ICollectionFixture<LocalDockerPlatform>
{
    public const string Name = "adopted repositories on the SDK feed";
}

/// <summary>Idp.Build and Idp.Build.Components packed once per test run for the adopted repositories.</summary>
public sealed class AdoptionFeed : IDisposable
{
    public SdkFeed Feed { get; } = new("adopttest");

    /// <summary>Adopts <paramref name="repository"/> against this feed and commits the result, as a team would.</summary>
    public CommandResult Adopt(Repository repository, params string[] arguments)
    {
        var result = AdoptTool.Run(repository, [.. arguments, "--sdk-version", Feed.Version, "--feed", Feed.Directory]);
        result.ShouldSucceed();
        repository.CommitAll("Adopt the golden path");
        return result;
    }

    public void Dispose() => Feed.Dispose();
}
