using Idp.Adopt.Tests.Support;
using Idp.Build.Components.Descriptor;

namespace Idp.Adopt.Tests;

/// <summary>A minimal API from 'dotnet new webapi' (no solution, no tests, no health endpoint) put on the golden path.</summary>
public sealed class AdoptingAWebApi : IDisposable
{
    private readonly Repository _repository = Scenarios.WebApi();

    [Fact]
    public void Detection_is_printed_with_the_defaults_marked()
    {
        var result = AdoptTool.Run(_repository, "--team", "payments");

        result.ShouldSucceed();
        result.ShouldDetect("solution", "weather.slnx", "none in the repository");
        result.ShouldDetect("web project", "src/Weather.Api/Weather.Api.csproj");
        result.ShouldDetect("test projects", "none");
        result.ShouldDetect("target framework", "net10.0", "src/Weather.Api/Weather.Api.csproj");
        result.ShouldDetect("service name", "weather-api");
        result.ShouldDetect("port", "8080", "golden-path default");
        result.ShouldDetect("health endpoint", "/weatherforecast", "no health endpoint");
        result.ShouldDetect("Dockerfile", "none");
        result.ShouldDetect("CI files", "none");
        result.Output.IndexOf("Detected:", StringComparison.Ordinal).ShouldBeLessThan(result.Output.IndexOf("Wrote ", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_golden_path_file_is_written_from_the_template()
    {
        AdoptTool.Run(_repository, "--team", "payments", "--sdk-version", "1.2.3", "--feed", "/srv/feeds/idp").ShouldSucceed();

        foreach (var file in new[] { "build/Build.cs", "build/_build.csproj", "build.sh", "build.ps1", ".nuke/parameters.json", ".nuke/build.schema.json", "idp.yaml", "nuget.config", ".gitignore", "Dockerfile", ".dockerignore", ".gitlab-ci.yml", "weather.slnx" })
            _repository.Exists(file).ShouldBeTrue(file);
        _repository.Exists("Jenkinsfile").ShouldBeFalse();
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(_repository.PathOf("build.sh")).HasFlag(UnixFileMode.UserExecute).ShouldBeTrue();
        _repository.Read("build/_build.csproj").ShouldContain("<PackageReference Include=\"Idp.Build.Components\" Version=\"1.2.3\" />");
        _repository.Read("nuget.config").ShouldContain("value=\"/srv/feeds/idp\"");
        _repository.Read("weather.slnx").ShouldContain("<Project Path=\"src/Weather.Api/Weather.Api.csproj\" />");
        _repository.Read("Dockerfile").ShouldContain("COPY artifacts/publish/weather-api/ /app/");
        _repository.Read("Dockerfile").ShouldContain("ENTRYPOINT [\"dotnet\", \"/app/Weather.Api.dll\"]");
        _repository.Read("build.sh").ShouldBe(File.ReadAllText(Path.Combine(Idp.Testing.Sdk.SdkFeed.RepositoryRoot, "src/Idp.Templates/content/idp-service/build.sh")));
    }

    [Fact]
    public void The_descriptor_is_valid_for_the_golden_path_and_marks_what_was_not_found()
    {
        AdoptTool.Run(_repository, "--team", "payments").ShouldSucceed();

        var descriptor = ServiceDescriptorReader.Read(_repository.PathOf("idp.yaml"));
        descriptor.Service.Name.ShouldBe("weather-api");
        descriptor.Service.Team.ShouldBe("payments");
        descriptor.Service.Project.ShouldBe("src/Weather.Api/Weather.Api.csproj");
        descriptor.Service.Port.ShouldBe(8080);
        descriptor.Service.HealthPath.ShouldBe("/weatherforecast");
        descriptor.Quality.Coverage.ShouldBe(0);
        descriptor.Quality.Baseline.ShouldBe(".idp/quality-baseline.json");
        var text = _repository.Read("idp.yaml");
        text.ShouldContain("port: 8080  # golden-path default");
        text.ShouldContain("healthPath: /weatherforecast  # not a health check");
    }

    [Fact]
    public void A_second_run_has_nothing_to_do_and_changes_no_file()
    {
        AdoptTool.Run(_repository, "--team", "payments").ShouldSucceed();
        var before = _repository.Snapshot();

        var again = AdoptTool.Run(_repository);

        again.ShouldSucceed();
        again.Output.ShouldContain("Nothing to do: every golden-path file is already there.");
        again.ShouldPlan("keep", "idp.yaml");
        again.ShouldPlan("keep", ".gitlab-ci.yml");
        _repository.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_dry_run_prints_the_plan_and_writes_nothing()
    {
        var before = _repository.Snapshot();

        var result = AdoptTool.Run(_repository, "--team", "payments", "--dry-run");

        result.ShouldSucceed();
        result.ShouldPlan("create", "build/Build.cs");
        result.ShouldPlan("create", "Dockerfile");
        result.Output.ShouldContain("Dry run: nothing was written.");
        _repository.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void An_existing_golden_path_file_is_replaced_only_with_force()
    {
        AdoptTool.Run(_repository, "--team", "payments").ShouldSucceed();
        _repository.Write("build/Build.cs", "// the team's own build\n");

        AdoptTool.Run(_repository).ShouldSucceed();
        _repository.Read("build/Build.cs").ShouldBe("// the team's own build\n");

        var forced = AdoptTool.Run(_repository, "--force");
        forced.ShouldSucceed();
        forced.ShouldPlan("overwrite", "build/Build.cs");
        _repository.Read("build/Build.cs").ShouldContain("class Build : IdpBuild, IGoldenPath");
    }

    public void Dispose() => _repository.Dispose();
}
