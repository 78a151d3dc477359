using System.Globalization;
using Idp.Adopt.Tests.Support;
using Idp.Testing;
using Idp.Testing.Docker;

namespace Idp.Adopt.Tests;

/// <summary>
/// The adopted 'dotnet new webapi' repository deploys to the local environment with no edit, on a real Docker
/// engine and registry started by the test, and answers on the path idp.yaml probes.
/// </summary>
[Collection(FeedCollection.Name)]
public sealed class AdoptedWebApiDeploysLocally(AdoptionFeed feed)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(15);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Deploy_to_local_serves_the_service()
    {
        await using var engine = await DockerEngineServer.StartAsync();
        await using var registry = await RegistryServer.StartAsync();
        using var repository = Scenarios.WebApi();
        feed.Adopt(repository, "--team", "platform");
        Command.Run(repository.PathOf("build.sh"), ["Compile", "Test", "SonarGate", "--update-quality-baseline"], repository.Root, Limit).ShouldSucceed();
        repository.CommitAll("Accept the analyzer findings of the code as adopted");
        var port = LocalPorts.Free();

        var deploy = Command.Run(repository.PathOf("build.sh"),
        [
            "Deploy", "--environment", "local",
            "--docker-host", engine.Endpoint.ToString(),
            "--registry", registry.Address,
            "--registry-username", registry.Username,
            "--registry-password", registry.Password,
            "--platform-directory", repository.PathOf(".idp-platform"),
            "--local-port", port.ToString(CultureInfo.InvariantCulture),
            "--dora-endpoint", "http://127.0.0.1:9/",
        ], repository.Root, Limit);

        deploy.ShouldSucceed();
        deploy.Output.ShouldMatch(@"Deploy\s+│ Succeeded");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        (await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/weatherforecast"))).ShouldContain("temperatureC");
    }
}
