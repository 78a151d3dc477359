using System.Globalization;
using Idp.Adopt.Tests.Support;
using Idp.Build.Components.Descriptor;
using Idp.Testing;

namespace Idp.Adopt.Tests;

/// <summary>
/// Each adopted repository runs its golden path with no edit: ./build.sh Compile Test SonarGate once with
/// --update-quality-baseline (accepting the analyzer findings of the code as it was), then as CI runs it, then
/// ./build.sh Deploy --environment local on a real Docker engine and registry, where it answers on the path idp.yaml
/// probes. The SDK comes from the folder feed, everything else from the NuGet cache, so no network is needed.
/// </summary>
[Collection(FeedCollection.Name)]
public sealed class AdoptedRepositoriesRunTheGoldenPath(AdoptionFeed feed, LocalDockerPlatform platform)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public static TheoryData<string> Repositories => ["webapi", "webapp", "sample", "multi-stage Dockerfile", "two solutions"];

    [Theory]
    [MemberData(nameof(Repositories))]
    [Trait("Category", "Slow")]
    public async Task Compile_Test_SonarGate_and_a_local_deploy_pass_with_no_edit(string scenario)
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

        var port = LocalPorts.Free();
        var deploy = Command.Run(repository.PathOf("build.sh"),
        [
            "Deploy", "--environment", "local", .. platform.Arguments,
            "--platform-directory", repository.PathOf(".idp-platform"),
            "--local-port", port.ToString(CultureInfo.InvariantCulture),
            // Nothing listens there: the deploy event stays in the outbox, which never fails the build.
            "--dora-endpoint", "http://127.0.0.1:9/",
        ], repository.Root, Limit);
        try
        {
            deploy.ShouldSucceed();
            deploy.Output.ShouldMatch(@"Deploy\s+│ Succeeded");
            var healthPath = ServiceDescriptorReader.Read(repository.PathOf("idp.yaml")).Service.HealthPath;
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}{healthPath}"));
            response.IsSuccessStatusCode.ShouldBeTrue($"GET {healthPath} answered {(int)response.StatusCode}");
            if (scenario == "webapi")
                (await response.Content.ReadAsStringAsync()).ShouldContain("temperatureC", Case.Sensitive, "the stand-in health path of a dotnet new webapi is its one GET route");
        }
        finally
        {
            Command.Run("docker", ["-H", platform.Engine.Endpoint.ToString(), "rm", "-f", $"idp-{ServiceDescriptorReader.Read(repository.PathOf("idp.yaml")).Service.Name}"], repository.Root, TimeSpan.FromMinutes(1));
        }
    }
}
