using System.Collections.Immutable;
using Idp.Build.Components.Quality.SonarQube;

namespace Idp.Build.Components.Tests.Quality.SonarQube;

/// <summary>The begin/end argument lists: key, version, server, token on both steps, the golden path's reports, branch or merge request.</summary>
public sealed class SonarScannerArguments
{
    private static readonly SonarScannerSettings Settings = new()
    {
        ProjectKey = "team_hello-service",
        HostUrl = new Uri("https://sonar.example.com/"),
        Token = "squ_secret-token",
        Version = "1.4.0",
        ArtifactsDirectory = "/repo/artifacts",
    };

    [Fact]
    public void Begin_PointsTheScannerAtTheGoldenPathsReports()
    {
        SonarScanner.BeginArguments(Settings).ShouldBe(
        [
            "begin",
            "/k:team_hello-service",
            "/v:1.4.0",
            "/d:sonar.host.url=https://sonar.example.com",
            "/d:sonar.token=squ_secret-token",
            "/d:sonar.cs.opencover.reportsPaths=/repo/artifacts/coverage/*.opencover.xml",
            "/d:sonar.cs.vstest.reportsPaths=/repo/artifacts/test-results/*.trx",
        ]);
    }

    [Fact]
    public void End_RepeatsTheToken()
    {
        SonarScanner.EndArguments(Settings).ShouldBe(["end", "/d:sonar.token=squ_secret-token"]);
        SonarScanner.EndArguments(Settings with { Token = null }).ShouldBe(["end"]);
    }

    [Fact]
    public void Branch_AddsTheBranchName()
    {
        var arguments = SonarScanner.BeginArguments(Settings with { Branch = SonarBranch.ForBranch("feature/login") });

        arguments.ShouldContain("/d:sonar.branch.name=feature/login");
        arguments.ShouldNotContain(a => a.StartsWith("/d:sonar.pullrequest.", StringComparison.Ordinal));
    }

    [Fact]
    public void MergeRequest_AddsKeySourceAndTargetButNoBranchName()
    {
        var arguments = SonarScanner.BeginArguments(Settings with { Branch = SonarBranch.ForMergeRequest("42", "feature/login", "main") });

        arguments.ShouldContain("/d:sonar.pullrequest.key=42");
        arguments.ShouldContain("/d:sonar.pullrequest.branch=feature/login");
        arguments.ShouldContain("/d:sonar.pullrequest.base=main");
        arguments.ShouldNotContain(a => a.StartsWith("/d:sonar.branch.name", StringComparison.Ordinal));
    }

    [Fact]
    public void FromCi_IsAMergeRequestOnlyWithItsTargetBranch()
    {
        var mergeRequestRun = new CiVariables("abc123", null, "feature/login", null, "42", null);

        SonarBranch.FromCi(mergeRequestRun, "main").ShouldBe(SonarBranch.ForMergeRequest("42", "feature/login", "main"));
        SonarBranch.FromCi(mergeRequestRun, null).ShouldBe(SonarBranch.ForBranch("feature/login"));
        SonarBranch.FromCi(CiVariables.None, "main").ShouldBeNull();
    }

    [Fact]
    public void ExplicitReportPathsAndProperties_OverrideTheDefaults()
    {
        var arguments = SonarScanner.BeginArguments(Settings with
        {
            CoverageReportPaths = ["a.xml", "b.xml"],
            TestReportPaths = [],
            Properties = ImmutableSortedDictionary<string, string>.Empty.Add("sonar.exclusions", "**/Generated/**"),
        });

        arguments.ShouldContain("/d:sonar.cs.opencover.reportsPaths=a.xml,b.xml");
        arguments.ShouldNotContain(a => a.StartsWith("/d:sonar.cs.vstest.", StringComparison.Ordinal));
        arguments[^1].ShouldBe("/d:sonar.exclusions=**/Generated/**");
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("my project")]
    [InlineData("")]
    public void InvalidProjectKey_IsRejectedWithTheRule(string key)
    {
        var error = Should.Throw<ArgumentException>(() => SonarScanner.BeginArguments(Settings with { ProjectKey = key }));

        error.Message.ShouldContain("at least one non-digit");
    }

    [Fact]
    public void Command_RunsTheLocalToolOrTheGlobalOne()
    {
        SonarScanner.Command(Settings, ["end"]).Arguments.ShouldBe(["tool", "run", "dotnet-sonarscanner", "--", "end"]);
        SonarScanner.Command(Settings with { Tool = SonarScannerTool.GlobalTool }, ["end"]).Arguments.ShouldBe(["sonarscanner", "end"]);
    }

    [Fact]
    public void Display_MasksTheToken()
    {
        var display = SonarScanner.Display(Settings, SonarScanner.BeginArguments(Settings));

        display.ShouldContain("/d:sonar.token=***");
        display.ShouldNotContain("squ_secret-token");
    }
}
