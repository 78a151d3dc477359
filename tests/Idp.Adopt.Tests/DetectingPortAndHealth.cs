using Idp.Adopt.Detection;

namespace Idp.Adopt.Tests;

/// <summary>Where the port and the health endpoint are read from, on project folders written by the test.</summary>
public sealed class DetectingPortAndHealth : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("idp-adopt-project-").FullName;

    [Fact]
    public void A_kestrel_endpoint_in_appsettings_gives_the_port()
    {
        Write("appsettings.json", """{ "Kestrel": { "Endpoints": { "Http": { "Url": "http://0.0.0.0:5080" } } } }""");

        PortDetector.Detect(_project, keptDockerfile: null).ShouldBe(new Finding<int>(5080, "appsettings.json Kestrel:Endpoints:Http:Url"));
    }

    [Fact]
    public void Urls_in_appsettings_give_the_first_http_port()
    {
        Write("appsettings.json", """
            // comments are allowed, as ASP.NET Core allows them
            { "Urls": "https://*:5443;http://*:5081", }
            """);

        PortDetector.Detect(_project, keptDockerfile: null).Value.ShouldBe(5081);
    }

    [Fact]
    public void UseUrls_in_the_code_gives_the_port()
    {
        Write("Program.cs", """builder.WebHost.UseUrls("http://+:9090");""");

        PortDetector.Detect(_project, keptDockerfile: null).ShouldBe(new Finding<int>(9090, "UseUrls in Program.cs"));
    }

    [Fact]
    public void Launch_settings_are_not_the_containers_port()
    {
        Write("Properties/launchSettings.json", """{ "profiles": { "http": { "applicationUrl": "http://localhost:5123" } } }""");

        var port = PortDetector.Detect(_project, keptDockerfile: null);

        port.Value.ShouldBe(8080);
        port.IsDefault.ShouldBeTrue();
    }

    [Fact]
    public void MapHealthChecks_is_the_liveness_path_and_a_ready_route_the_readiness_path()
    {
        Write("Program.cs", """
            app.MapGet("/orders", () => "orders");
            app.MapHealthChecks("/healthz");
            app.MapHealthChecks("/ready");
            """);

        var health = HealthEndpointDetector.Detect(_project);

        health.Health.ShouldBe(new Finding<string>("/healthz", "MapHealthChecks in Program.cs"));
        health.Readiness.ShouldBe("/ready");
        health.IsStandIn.ShouldBeFalse();
    }

    [Fact]
    public void A_route_that_only_contains_a_health_word_is_not_a_health_endpoint()
    {
        Write("Program.cs", """
            app.MapGet("/delivery/{id}", (int id) => id);
            app.MapGet("/deliveries", () => "all");
            """);

        var health = HealthEndpointDetector.Detect(_project);

        health.Health.Value.ShouldBe("/deliveries");
        health.IsStandIn.ShouldBeTrue();
    }

    [Fact]
    public void Nothing_found_gives_the_marked_default()
    {
        Write("Program.cs", "app.Run();");

        HealthEndpointDetector.Detect(_project).Health.ShouldBe(Finding<string>.Default("/health", "golden-path default (no MapHealthChecks or MapGet found)"));
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_project, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Dispose() => Directory.Delete(_project, recursive: true);
}
