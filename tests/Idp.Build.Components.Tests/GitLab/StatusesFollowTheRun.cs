using Idp.Build.Components.GitLab;
using Idp.Build.Execution;
using Idp.Testing.GitLab;

namespace Idp.Build.Components.Tests.GitLab;

/// <summary>A build with IGitLabReporting on GitLab CI mirrors each target as a commit status, without any code in the targets.</summary>
public class StatusesFollowTheRun : FakeGitLabScope
{
    public sealed class ReportingBuild : IdpBuild, IGitLabReporting
    {
        Target Compile => _ => _.Executes(() => { });
        Target Test => _ => _.DependsOn(Compile).Executes(() => throw new InvalidOperationException("2 tests failed"));
        Target Pack => _ => _.DependsOn(Test).Executes(() => { });
    }

    [Fact]
    public void Each_target_ends_as_success_failed_or_canceled()
    {
        var root = Directory.CreateTempSubdirectory("idp-gitlab-");
        Directory.CreateDirectory(Path.Combine(root.FullName, ".nuke"));
        var environment = new Dictionary<string, string>
        {
            ["GITLAB_CI"] = "true",
            ["CI_API_V4_URL"] = GitLab.ApiUrl.AbsoluteUri,
            ["CI_PROJECT_ID"] = "42",
            ["CI_COMMIT_SHA"] = Sha,
            ["CI_COMMIT_REF_NAME"] = "main",
            ["CI_PIPELINE_URL"] = "https://gitlab.example.internal/platform/orders/-/pipelines/9",
            ["GITLAB_TOKEN"] = FakeGitLab.AccessToken,
        };
        var output = new StringWriter();

        var exitCode = BuildRunner.Run(new ReportingBuild(), new RunEnvironment(["Pack"], environment, root.FullName, root.FullName, output, output, OwnsConsole: false), []);

        exitCode.ShouldBe(1, output.ToString());
        Project.Statuses.Select(s => $"{s.Name}:{s.Status}").Order().ShouldBe(["idp/Compile:success", "idp/Pack:canceled", "idp/Test:failed"]);
        Project.Statuses.Single(s => s.Name == "idp/Test").Description.ShouldBe("2 tests failed");
        output.ToString().ShouldNotContain(FakeGitLab.AccessToken);
        root.Delete(recursive: true);
    }
}
