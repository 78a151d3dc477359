using Idp.Adopt.Tests.Support;
using Idp.Build.Components.Descriptor;

namespace Idp.Adopt.Tests;

/// <summary>A Razor Pages app from 'dotnet new webapp' in its own .slnx: the index page stands in for a health endpoint.</summary>
public sealed class AdoptingARazorPagesApp : IDisposable
{
    private readonly Repository _repository = Scenarios.RazorPages();

    [Fact]
    public void The_index_page_is_probed_until_a_health_endpoint_exists()
    {
        var result = AdoptTool.Run(_repository, "--team", "shop");

        result.ShouldSucceed();
        result.ShouldDetect("solution", "Shop.slnx", "the only solution");
        result.ShouldDetect("web project", "src/Shop.Web/Shop.Web.csproj");
        result.ShouldDetect("health endpoint", "/", "Razor Pages index");
        result.Output.ShouldContain("Add app.MapHealthChecks(\"/health\")");
        var descriptor = ServiceDescriptorReader.Read(_repository.PathOf("idp.yaml"));
        descriptor.Service.Name.ShouldBe("shop-web");
        descriptor.Service.HealthPath.ShouldBe("/");
        _repository.Read("Dockerfile").ShouldContain("ENTRYPOINT [\"dotnet\", \"/app/Shop.Web.dll\"]");
    }

    public void Dispose() => _repository.Dispose();
}
