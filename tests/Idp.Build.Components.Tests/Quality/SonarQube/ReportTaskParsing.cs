using Idp.Build.Components.Quality.SonarQube;

namespace Idp.Build.Components.Tests.Quality.SonarQube;

/// <summary>report-task.txt is read as key=value lines split at the first '='; a missing file or key says what went wrong.</summary>
public sealed class ReportTaskParsing
{
    [Fact]
    public void ScannerOutput_IsParsedWithUrlsKeepingTheirEqualsSigns()
    {
        var report = ReportTask.Parse(
            """
            organization=my-org
            projectKey=my-project
            serverUrl=https://sonar.example.com
            serverVersion=10.7.0.96327
            dashboardUrl=https://sonar.example.com/dashboard?id=my-project&branch=feature/x
            ceTaskId=AYhSC2-LY0CHkWJxvNA9
            ceTaskUrl=https://sonar.example.com/api/ce/task?id=AYhSC2-LY0CHkWJxvNA9
            """.Replace("\n", "\r\n", StringComparison.Ordinal),
            "report-task.txt");

        report.ShouldBe(new ReportTask(
            "my-project",
            new Uri("https://sonar.example.com"),
            "AYhSC2-LY0CHkWJxvNA9",
            new Uri("https://sonar.example.com/api/ce/task?id=AYhSC2-LY0CHkWJxvNA9"),
            new Uri("https://sonar.example.com/dashboard?id=my-project&branch=feature/x"),
            "10.7.0.96327",
            "my-org"));
    }

    [Fact]
    public void MissingFile_SaysTheScannersEndStepDidNotRun()
    {
        var path = Path.Combine(Path.GetTempPath(), "idp-no-such-dir-" + Guid.NewGuid().ToString("N"), ReportTask.RelativePath);

        var error = Should.Throw<SonarQubeException>(() => ReportTask.Read(path));

        error.Message.ShouldContain(Path.GetFullPath(path));
        error.Message.ShouldContain("'end' step did not run");
    }

    [Fact]
    public void FileWithoutTaskIdOrServer_NamesTheMissingKeys()
    {
        var error = Should.Throw<SonarQubeException>(() => ReportTask.Parse("projectKey=my-project\nserverVersion=10.7\n", "/repo/.sonarqube/out/.sonar/report-task.txt"));

        error.Message.ShouldContain("lacks 'ceTaskId', 'serverUrl'");
        error.Message.ShouldContain("/repo/.sonarqube/out/.sonar/report-task.txt");
    }

    [Fact]
    public void ShellLikeContent_IsReadAsTextNeverRun()
    {
        var report = ReportTask.Parse("projectKey=p\nserverUrl=https://sonar.example.com\nceTaskId=$(touch /tmp/pwned)\n", "report-task.txt");

        report.CeTaskId.ShouldBe("$(touch /tmp/pwned)");
    }

    [Fact]
    public void PathIn_IsWhereSonarScannerForDotNetWritesIt()
    {
        ReportTask.PathIn("/repo").ShouldBe(Path.Combine("/repo", ".sonarqube", "out", ".sonar", "report-task.txt"));
    }
}
