using Idp.Build.Hosts;

namespace Idp.Build.Tests.Hosts;

public class HostDetection
{
    [Fact]
    public void GitLab_is_detected_and_its_variables_are_typed()
    {
        var host = HostDetector.Detect(new Dictionary<string, string>
        {
            ["GITLAB_CI"] = "true",
            ["CI_COMMIT_SHA"] = "0123abc",
            ["CI_COMMIT_TIMESTAMP"] = "2026-11-27T16:47:55+01:00",
            ["CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"] = "feature/x",
            ["CI_PIPELINE_URL"] = "https://gitlab.example/p/-/pipelines/7",
            ["CI_MERGE_REQUEST_IID"] = "42",
            ["CI_JOB_TOKEN"] = "job-token-value",
            ["CI_PROJECT_ID"] = "17",
        }, requested: null);

        var gitlab = host.ShouldBeOfType<GitLabCi>();
        gitlab.IsServerBuild.ShouldBeTrue();
        gitlab.ProjectId.ShouldBe("17");
        host.Ci.ShouldBe(new CiVariables("0123abc", new DateTimeOffset(2026, 11, 27, 16, 47, 55, TimeSpan.FromHours(1)),
            "feature/x", "https://gitlab.example/p/-/pipelines/7", "42", "job-token-value"));
    }

    [Fact]
    public void Jenkins_is_detected_and_the_remote_prefix_is_removed_from_the_branch()
    {
        var host = HostDetector.Detect(new Dictionary<string, string>
        {
            ["JENKINS_URL"] = "https://jenkins.example/",
            ["GIT_COMMIT"] = "fed987",
            ["GIT_BRANCH"] = "origin/main",
            ["BUILD_URL"] = "https://jenkins.example/job/x/3/",
            ["CHANGE_ID"] = "12",
        }, requested: null);

        host.ShouldBeOfType<Jenkins>();
        host.Ci.ShouldBe(new CiVariables("fed987", null, "main", "https://jenkins.example/job/x/3/", "12", null));
    }

    [Fact]
    public void Anything_else_is_a_local_terminal()
    {
        var host = HostDetector.Detect(new Dictionary<string, string>(), requested: null);

        host.ShouldBeOfType<Terminal>().IsServerBuild.ShouldBeFalse();
        host.Ci.ShouldBe(CiVariables.None);
    }

    [Fact]
    public void GitLab_sections_are_collapsible_markers()
    {
        var host = HostDetector.Detect(new Dictionary<string, string>(), requested: "gitlab");
        var output = new StringWriter();

        host.BeginSection(output, "Compile", "Compile", color: true);
        host.EndSection(output, "Compile");

        output.ToString().ShouldMatch(@"^\u001b\[0Ksection_start:\d+:idp_compile\r\u001b\[0K.*Compile.*\n\u001b\[0Ksection_end:\d+:idp_compile\r\u001b\[0K\n$");
    }
}
