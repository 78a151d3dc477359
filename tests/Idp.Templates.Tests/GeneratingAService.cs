using Idp.Build.Components.Descriptor;
using Idp.Templates.Tests.Support;

namespace Idp.Templates.Tests;

/// <summary><c>dotnet new idp-service</c> with valid parameters: the repository it creates.</summary>
[Collection(TemplateCollection.Name)]
public sealed class GeneratingAService(TemplateHive templates)
{
    [Fact]
    public void Name_team_and_port_reach_projects_descriptor_and_image()
    {
        using var generated = templates.New("-n", "Payments.Api", "--team", "payments", "--port", "9090");

        generated.Result.ShouldSucceed();
        generated.Files.ShouldBe(
        [
            "Payments.Api/.dockerignore", "Payments.Api/.gitignore", "Payments.Api/.gitlab-ci.yml",
            "Payments.Api/.nuke/build.schema.json", "Payments.Api/.nuke/parameters.json",
            "Payments.Api/Directory.Build.props", "Payments.Api/Directory.Packages.props", "Payments.Api/Dockerfile",
            "Payments.Api/Payments.Api.slnx", "Payments.Api/README.md", "Payments.Api/build.ps1", "Payments.Api/build.sh",
            "Payments.Api/build/Build.cs", "Payments.Api/build/_build.csproj", "Payments.Api/global.json",
            "Payments.Api/idp.yaml", "Payments.Api/nuget.config",
            "Payments.Api/src/Payments.Api/Payments.Api.csproj", "Payments.Api/src/Payments.Api/Program.cs",
            "Payments.Api/src/Payments.Api/VaultAgentSecrets.cs", "Payments.Api/src/Payments.Api/appsettings.json",
            "Payments.Api/tests/Payments.Api.Tests/HealthApi.cs", "Payments.Api/tests/Payments.Api.Tests/Payments.Api.Tests.csproj",
            "Payments.Api/tests/Payments.Api.Tests/VaultAgentSecretsFiles.cs",
        ]);
        var descriptor = ServiceDescriptorReader.Read(generated.PathOf("Payments.Api/idp.yaml"));
        descriptor.Service.ShouldSatisfyAllConditions(
            s => s.Name.ShouldBe("payments-api"),
            s => s.Team.ShouldBe("payments"),
            s => s.Port.ShouldBe(9090),
            s => s.Project.ShouldBe("src/Payments.Api/Payments.Api.csproj"));
        descriptor.Image.Repository.ShouldBe("payments/payments-api");
        descriptor.Environments.Select(e => e.Namespace).ShouldBe([null, "payments-dev", "payments-prod"]);
        generated.Read("Payments.Api/Dockerfile").ShouldSatisfyAllConditions(
            d => d.ShouldContain("ASPNETCORE_HTTP_PORTS=9090"),
            d => d.ShouldContain("EXPOSE 9090"),
            d => d.ShouldContain("\"/app/Payments.Api.dll\""),
            // Last, so a code change redoes no step after the service's layer but the labels DockerBuild adds.
            d => d.TrimEnd().Split('\n')[^1].ShouldBe("COPY artifacts/publish/payments-api/ /app/"));
        generated.Read("Payments.Api/tests/Payments.Api.Tests/HealthApi.cs").ShouldContain("namespace Payments.Api.Tests;");
        generated.Read("Payments.Api/build/Build.cs").ShouldContain("class Build : IdpBuild, IGoldenPath");
        Directory.EnumerateFiles(generated.Directory, "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("Company.Service", StringComparison.OrdinalIgnoreCase) || File.ReadAllText(f).Contains("company-service", StringComparison.Ordinal))
            .ShouldBeEmpty("every placeholder of the template is replaced");
    }

    [Fact]
    public void Bootstrapper_is_the_repository_roots_and_executable()
    {
        using var generated = templates.New("-n", "Payments.Api", "--team", "payments");

        generated.Result.ShouldSucceed();
        File.ReadAllBytes(generated.PathOf("Payments.Api/build.sh")).ShouldBe(File.ReadAllBytes(Path.Combine(RepositoryLayout.Root, "build.sh")));
        File.ReadAllBytes(generated.PathOf("Payments.Api/build.ps1")).ShouldBe(File.ReadAllBytes(Path.Combine(RepositoryLayout.Root, "build.ps1")));
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(generated.PathOf("Payments.Api/build.sh")).HasFlag(UnixFileMode.UserExecute).ShouldBeTrue();
    }

    [Fact]
    public void What_the_build_writes_is_ignored_by_git_and_the_sources_are_not()
    {
        using var generated = templates.New("-n", "Payments.Api", "--team", "payments");
        var root = generated.PathOf("Payments.Api");
        Command.Run("git", ["init", "-q"], root, TimeSpan.FromMinutes(1)).ExitCode.ShouldBe(0);
        string[] outputs =
        [
            "build/bin/_build.dll", "build/bin-native/_build", "build/obj/project.assets.json", "artifacts/image.json",
            ".nuke/temp/run.json", "src/Payments.Api/bin/Release/net10.0/Payments.Api.dll",
        ];
        string[] sources = ["build/Build.cs", "build.sh", "Dockerfile", "idp.yaml", ".nuke/parameters.json"];

        var ignored = Command.Run("git", ["check-ignore", "--no-index", .. outputs, .. sources], root, TimeSpan.FromMinutes(1));

        ignored.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(outputs, ignoreOrder: true, ignored.ToString());
    }

    [Fact]
    public void Sdk_packages_come_from_the_given_feed_in_the_given_version()
    {
        using var generated = templates.New("-n", "Payments.Api", "--team", "payments", "--sdkVersion", "1.2.3", "--feed", "/srv/feeds/idp");

        generated.Result.ShouldSucceed();
        generated.Read("Payments.Api/nuget.config").ShouldContain("<add key=\"idp\" value=\"/srv/feeds/idp\" />");
        generated.Read("Payments.Api/Directory.Packages.props").ShouldContain("<IdpBuildVersion>1.2.3</IdpBuildVersion>");
        generated.Read("Payments.Api/build/_build.csproj").ShouldSatisfyAllConditions(
            p => p.ShouldContain("<PackageReference Include=\"Idp.Build\" />"),
            p => p.ShouldContain("<PackageReference Include=\"Idp.Build.Components\" />"),
            p => p.ShouldNotContain("ProjectReference"));
    }

    [Fact]
    public void Without_sdkVersion_the_sdk_packages_are_those_of_the_template_packages_own_version()
    {
        using var generated = templates.New("-n", "Payments.Api", "--team", "payments");

        generated.Result.ShouldSucceed();
        generated.Read("Payments.Api/Directory.Packages.props").ShouldContain($"<IdpBuildVersion>{TemplateHive.PackageVersion}</IdpBuildVersion>");
    }

    [Theory]
    [InlineData(new string[0], true, false)]
    [InlineData(new[] { "--gitlab" }, true, false)]
    [InlineData(new[] { "--jenkins" }, false, true)]
    [InlineData(new[] { "--both" }, true, true)]
    [InlineData(new[] { "--gitlab", "--jenkins" }, true, true)]
    [InlineData(new[] { "--ci", "jenkins" }, false, true)]
    [InlineData(new[] { "--ci", "both" }, true, true)]
    public void Ci_option_chooses_the_thin_ci_files(string[] ciOptions, bool gitlab, bool jenkins)
    {
        using var generated = templates.New(["-n", "Payments.Api", "--team", "payments", .. ciOptions]);

        generated.Result.ShouldSucceed();
        File.Exists(generated.PathOf("Payments.Api/.gitlab-ci.yml")).ShouldBe(gitlab);
        File.Exists(generated.PathOf("Payments.Api/Jenkinsfile")).ShouldBe(jenkins);
        if (gitlab)
        {
            var lines = File.ReadAllLines(generated.PathOf("Payments.Api/.gitlab-ci.yml"));
            lines.Length.ShouldBe(5);
            lines[1].ShouldBe("  - component: $CI_SERVER_FQDN/platform/idp-build/golden-path@1.0.0");
        }
        if (jenkins)
            File.ReadAllLines(generated.PathOf("Payments.Api/Jenkinsfile")).ShouldBe(["@Library('idp@v1.0.0') _", "idpPipeline(service: 'payments-api')"]);
    }

    [Theory]
    [InlineData("HelloService", "hello-service")]
    [InlineData("Payments.Api", "payments-api")]
    [InlineData("Orders.API2", "orders-api2")]
    public void Service_name_is_the_project_name_as_a_dns_label(string name, string service)
    {
        using var generated = templates.New("-n", name, "--team", "payments");

        generated.Result.ShouldSucceed();
        ServiceDescriptorReader.Read(generated.PathOf($"{name}/idp.yaml")).Service.Name.ShouldBe(service);
    }
}
