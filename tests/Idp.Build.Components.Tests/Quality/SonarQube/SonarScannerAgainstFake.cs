using System.Collections.Immutable;
using Idp.Build.Components.Quality.SonarQube;
using Idp.Build.Processes;
using Idp.Build.Tools;
using Idp.Testing.SonarQube;

namespace Idp.Build.Components.Tests.Quality.SonarQube;

/// <summary>
/// The real SonarScanner for .NET (the repository's local tool, .config/dotnet-tools.json) driven against the fake.
/// <para>
/// How far it gets: <c>begin</c> succeeds. Scanner 12 reads the server version, settings, languages, quality
/// profiles, the profile's rules, the JRE list and the scanner engine, and the fake serves all of them.
/// </para>
/// <para>
/// Why <c>end</c> is not driven here: after the build, <c>end</c> starts the scanner engine — SonarSource's Java
/// program, which the server hands out together with its language plugins (the C# analyzer among them). The fake
/// cannot provide that engine or those plugins (they are not in any registry this project reaches, and faking them
/// would test the fake, not the scanner), so its engine download is a placeholder and <c>end</c> stops where it would
/// start it, before any report-task.txt exists. The flow from report-task.txt on is tested in
/// <see cref="QualityGateFlow"/> with the file the fake writes in the scanner's format.
/// </para>
/// </summary>
public sealed class SonarScannerAgainstFake
{
    [Fact]
    public async Task Begin_SucceedsAgainstTheFakeAndPreparesTheBuild()
    {
        await using var sonar = await SonarQubeTestSupport.StartAsync();
        InstallLocalTool(sonar.Directory);
        var settings = new SonarScannerSettings
        {
            ProjectKey = "team_hello-service",
            HostUrl = sonar.Server.Url,
            Token = FakeSonarQube.Token,
            Version = "1.4.0",
            ArtifactsDirectory = Path.Combine(sonar.Directory, "artifacts"),
            Branch = SonarBranch.ForBranch("main"),
            WorkingDirectory = sonar.Directory,
            // The scanner's cache (where the engine download goes) stays in the test's directory.
            Properties = ImmutableSortedDictionary<string, string>.Empty.Add("sonar.userHome", Path.Combine(sonar.Directory, ".sonar-home")),
            Timeout = TimeSpan.FromMinutes(3),
            LogOutput = false,
        };

        var result = await SonarScanner.BeginAsync(settings);

        result.StandardOutput.ShouldContain("Pre-processing succeeded.");
        var config = File.ReadAllText(Path.Combine(sonar.Directory, ".sonarqube", "conf", "SonarQubeAnalysisConfig.xml"));
        config.ShouldContain("team_hello-service");
        config.ShouldContain("*.opencover.xml");
        var paths = sonar.Server.Requests.Select(r => r.Path).Distinct().ToArray();
        paths.ShouldContain("/api/v2/analysis/version");
        paths.ShouldContain("/api/qualityprofiles/search");
        paths.ShouldContain("/api/rules/search");
        paths.ShouldContain("/api/v2/analysis/engine");
        sonar.Server.Requests.ShouldAllBe(r => r.Status < 500, "the fake must not fail the scanner's requests");
        sonar.Server.Requests.Where(r => r.Status == 401).ShouldBeEmpty("the scanner authenticates with the token on every request");
    }

    [Fact]
    public async Task Begin_WithAWrongToken_FailsWithoutShowingTheToken()
    {
        await using var sonar = await SonarQubeTestSupport.StartAsync();
        InstallLocalTool(sonar.Directory);
        const string wrong = "squ_wrong-token-for-the-scanner-000000000";
        var settings = new SonarScannerSettings
        {
            ProjectKey = "team_hello-service",
            HostUrl = sonar.Server.Url,
            Token = wrong,
            WorkingDirectory = sonar.Directory,
            Properties = ImmutableSortedDictionary<string, string>.Empty.Add("sonar.userHome", Path.Combine(sonar.Directory, ".sonar-home")),
            Timeout = TimeSpan.FromMinutes(3),
            LogOutput = false,
        };

        var error = await Should.ThrowAsync<SonarQubeException>(() => SonarScanner.BeginAsync(settings));

        error.Message.ShouldContain("'begin' step failed");
        error.Message.ShouldContain("/d:sonar.token=***");
        error.Message.ShouldNotContain(wrong);
        sonar.Server.Requests.ShouldContain(r => r.Status == 401);
    }

    /// <summary>Gives <paramref name="directory"/> the repository's tool manifest and restores it, as a service repository has it.</summary>
    private static void InstallLocalTool(string directory)
    {
        var manifest = FindManifest();
        Directory.CreateDirectory(Path.Combine(directory, ".config"));
        File.Copy(manifest, Path.Combine(directory, ".config", "dotnet-tools.json"));
        ProcessRunner.Run(DotNetTasks.DotNetPath, ["tool", "restore"], new ProcessOptions { WorkingDirectory = directory, LogOutput = false, LogInvocation = false, Timeout = TimeSpan.FromMinutes(3) });
    }

    private static string FindManifest()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, ".config", "dotnet-tools.json");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException($"No .config/dotnet-tools.json above {AppContext.BaseDirectory}: the repository's tool manifest, which pins dotnet-sonarscanner, is missing.");
    }
}
