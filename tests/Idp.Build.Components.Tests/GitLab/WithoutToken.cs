using System.Reflection;
using Idp.Build.Components.GitLab;

namespace Idp.Build.Components.Tests.GitLab;

/// <summary>Reporting is optional: without a token (or where) nothing fails and the build says so once.</summary>
public class WithoutToken : FakeGitLabScope
{
    [Fact]
    public async Task No_token_means_no_requests_and_one_information_line()
    {
        using var reporter = Reporter(Settings(token: null));

        await reporter.ReportStageAsync("Test", CommitState.Running);
        await reporter.PublishMergeRequestNoteAsync("quality-gate", "table");
        await reporter.ReportDeploymentAsync("production", DeploymentStatus.Running);

        reporter.IsEnabled.ShouldBeFalse();
        GitLab.Requests.ShouldBeEmpty();
        Information.ShouldHaveSingleItem().ShouldContain("no --gitlab-token given");
        Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Missing_project_and_url_are_named_in_the_reason()
    {
        var settings = Settings() with { ApiUrl = null, ProjectId = null };

        var reason = settings.MissingReason();

        reason.ShouldNotBeNull();
        reason.ShouldContain("--gitlab-url");
        reason.ShouldContain("--gitlab-project");
    }

    [Fact]
    public void Invalid_url_disables_reporting_instead_of_failing()
    {
        using var reporter = Reporter(Settings() with { ApiUrl = "gitlab.example.com" });

        reporter.IsEnabled.ShouldBeFalse();
        Settings().ToString().ShouldNotContain(Idp.Testing.GitLab.FakeGitLab.AccessToken);
    }

    [Fact]
    public void On_GitLab_CI_the_url_project_commit_and_job_come_from_the_predefined_variables()
    {
        var host = GitLabHost(new Dictionary<string, string>
        {
            ["GITLAB_CI"] = "true",
            ["CI_API_V4_URL"] = "https://gitlab.example.internal/api/v4",
            ["CI_PROJECT_ID"] = "42",
            ["CI_COMMIT_SHA"] = Sha,
            ["CI_COMMIT_BRANCH"] = "main",
            ["CI_MERGE_REQUEST_IID"] = "7",
            ["CI_JOB_URL"] = "https://gitlab.example.internal/platform/orders/-/jobs/9",
            ["CI_ENVIRONMENT_NAME"] = "production",
        });

        var settings = GitLabReporterSettings.FromHost(host, apiUrl: null, token: "glpat-x", projectId: null);

        settings.ApiUrl.ShouldBe("https://gitlab.example.internal/api/v4");
        settings.ProjectId.ShouldBe("42");
        settings.CommitSha.ShouldBe(Sha);
        settings.Ref.ShouldBe("main");
        settings.MergeRequestIid.ShouldBe(7);
        settings.TargetUrl.ShouldBe("https://gitlab.example.internal/platform/orders/-/jobs/9");
        settings.JobRecordsDeployments.ShouldBeTrue();
        settings.MissingReason().ShouldBeNull();
    }

    [Fact]
    public void Given_parameters_win_over_the_predefined_variables()
    {
        var host = GitLabHost(new Dictionary<string, string> { ["CI_API_V4_URL"] = "https://a/api/v4", ["CI_PROJECT_ID"] = "1", ["CI_COMMIT_SHA"] = Sha });

        var settings = GitLabReporterSettings.FromHost(host, "https://b/api/v4", "glpat-x", "group/project");

        settings.ApiUrl.ShouldBe("https://b/api/v4");
        settings.ProjectId.ShouldBe("group/project");
    }

    // The engine builds hosts from the environment internally and offers no public factory; the test builds one
    // the same way (see the report: a public Host factory or InternalsVisibleTo would remove this).
    private static GitLabCi GitLabHost(IReadOnlyDictionary<string, string> environment) =>
        (GitLabCi)Activator.CreateInstance(typeof(GitLabCi), BindingFlags.Instance | BindingFlags.NonPublic, binder: null, [environment], culture: null)!;
}
