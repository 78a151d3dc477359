using Idp.Adopt.Tests.Support;

namespace Idp.Adopt.Tests;

/// <summary>
/// Each adopted repository runs ./build.sh Compile Test SonarGate with no edit: once with
/// --update-quality-baseline (accepting the analyzer findings of the code as it was), then as CI runs it.
/// The SDK comes from the folder feed, everything else from the NuGet cache, so no network is needed.
/// </summary>
[Collection(FeedCollection.Name)]
public sealed class AdoptedRepositoriesRunTheGoldenPath(AdoptionFeed feed)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public static TheoryData<string> Repositories => ["webapi", "webapp", "sample", "multi-stage Dockerfile", "two solutions"];

    [Theory]
    [MemberData(nameof(Repositories))]
    [Trait("Category", "Slow")]
    public void Compile_Test_SonarGate_passes_with_no_edit(string scenario)
    {
        using var repository = scenario switch
        {
            "webapi" => Scenarios.WebApi(),
            "webapp" => Scenarios.RazorPages(),
            "sample" => Scenarios.Sample(),
            "multi-stage Dockerfile" => Scenarios.MultiStageDockerfile(),
            _ => Scenarios.TwoSolutions(),
        };
        feed.Adopt(repository, scenario == "two solutions" ? ["--team", "platform", "--solution", "Inventory.slnx"] : ["--team", "platform"]);

        var first = Command.Run(repository.PathOf("build.sh"), ["Compile", "Test", "SonarGate", "--update-quality-baseline"], repository.Root, Limit);
        first.ShouldSucceed();
        first.Output.ShouldContain("local gate passed");
        repository.CommitAll("Accept the analyzer findings of the code as adopted");

        var again = Command.Run(repository.PathOf("build.sh"), ["Compile", "Test", "SonarGate"], repository.Root, Limit);
        again.ShouldSucceed();
        again.Output.ShouldContain("local gate passed");
        if (scenario == "sample")
            again.Output.ShouldMatch(@"Tests: [1-9]\d* passed, 0 failed");
        repository.Read("build/obj/project.assets.json").ShouldContain($"\"Idp.Build.Components/{feed.Feed.Version}\"", Case.Sensitive);
    }
}
