using Idp.Testing.GitLab;
using Idp.Testing.Kubernetes;

namespace Idp.Build.Components.Tests.Deploy.OpenShift;

/// <summary>On a CI server with a GitLab token, Deploy records GitLab deployments and posts a failed rollout's diagnosis to the merge request.</summary>
public sealed class ReportingToGitLab : IAsyncLifetime
{
    private readonly OpenShiftRepository _repository = new();
    private FakeGitLab _gitLab = null!;
    private FakeProject _project = null!;

    public async Task InitializeAsync()
    {
        await _repository.InitializeAsync();
        _gitLab = await FakeGitLab.StartAsync();
        _project = _gitLab.AddProject(42, "platform/hello-service").WithMergeRequest(7);
    }

    public async Task DisposeAsync()
    {
        await _gitLab.DisposeAsync();
        await _repository.DisposeAsync();
    }

    [Fact]
    public void A_deploy_is_recorded_and_a_failed_rollouts_diagnosis_is_posted_to_the_merge_request()
    {
        var good = OpenShiftRepository.Image('1');
        var crashing = OpenShiftRepository.Image('2');
        _repository.Cluster.ImageBehaviour = image => image == crashing ? PodBehaviour.CrashLoop : PodBehaviour.Healthy;
        string[] gitLab = ["--gitlab-url", _gitLab.ApiUrl.AbsoluteUri, "--gitlab-token", FakeGitLab.AccessToken, "--gitlab-project", "42"];

        var deployed = DeployOnJenkins(good, gitLab);
        var failed = DeployOnJenkins(crashing, gitLab);

        deployed.ExitCode.ShouldBe(0, deployed.Output);
        failed.ExitCode.ShouldBe(1, failed.Output);
        _project.Deployments.Select(d => $"{d.Environment.Name}:{d.Status}").ShouldBe(["dev:success", "dev:failed"]);
        var note = _project.MergeRequests[7].ShouldHaveSingleItem();
        note.Body.ShouldContain("CrashLoopBackOff");
        (deployed.Output + failed.Output).ShouldNotContain(FakeGitLab.AccessToken);
    }

    private (int ExitCode, string Output) DeployOnJenkins(string image, string[] gitLab)
    {
        var sha = _repository.Record(image);
        _project.WithCommit(sha);
        _repository.Environment["JENKINS_URL"] = "https://jenkins.example.internal/";
        _repository.Environment["GIT_COMMIT"] = sha;
        _repository.Environment["BUILD_URL"] = "https://jenkins.example.internal/job/hello-service/12/";
        _repository.Environment["CHANGE_ID"] = "7";
        _repository.Environment["BRANCH_NAME"] = "main";
        return _repository.Run(["Deploy", "--environment", "dev", "--skip", "Push", "LocalPlatform", "EmitDora", .. gitLab]);
    }
}
