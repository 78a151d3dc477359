using Idp.Adopt.Tests.Support;
using Idp.Build.Components.Descriptor;

namespace Idp.Adopt.Tests;

/// <summary>samples/hello-service without its build files: a solution, tests, health endpoints and a Dockerfile of its own.</summary>
public sealed class AdoptingTheSample : IDisposable
{
    private readonly Repository _repository = Scenarios.Sample();

    [Fact]
    public void What_the_repository_says_is_detected_and_its_dockerfile_is_kept()
    {
        var dockerfile = _repository.Read("Dockerfile");

        var result = AdoptTool.Run(_repository, "--team", "platform");

        result.ShouldSucceed();
        result.ShouldDetect("solution", "HelloService.sln");
        result.ShouldDetect("web project", "src/HelloService/HelloService.csproj");
        result.ShouldDetect("test projects", "tests/HelloService.Tests/HelloService.Tests.csproj");
        result.ShouldDetect("target framework", "net10.0");
        result.ShouldDetect("service name", "hello-service");
        result.ShouldDetect("port", "8080", "Dockerfile ASPNETCORE_HTTP_PORTS");
        result.ShouldDetect("health endpoint", "/health", "MapGet in Program.cs");
        result.ShouldDetect("readiness endpoint", "/health/ready");
        result.ShouldDetect("Dockerfile", "Dockerfile (kept and used)");
        result.ShouldPlan("keep", "Dockerfile");
        _repository.Read("Dockerfile").ShouldBe(dockerfile);
        _repository.Exists("Dockerfile.idp").ShouldBeFalse();
    }

    [Fact]
    public void The_descriptor_matches_the_samples_own()
    {
        AdoptTool.Run(_repository, "--team", "platform").ShouldSucceed();

        var adopted = ServiceDescriptorReader.Read(_repository.PathOf("idp.yaml")).Service;
        var original = ServiceDescriptorReader.Read(Path.Combine(Idp.Testing.Sdk.SdkFeed.RepositoryRoot, "samples/hello-service/idp.yaml")).Service;
        adopted.ShouldBe(original);
        ServiceDescriptorReader.Read(_repository.PathOf("idp.yaml")).Quality.Coverage.ShouldBe(70);
    }

    public void Dispose() => _repository.Dispose();
}
