using Idp.Adopt.Tests.Support;
using Idp.Build.Components.Descriptor;

namespace Idp.Adopt.Tests;

/// <summary>
/// A web API whose multi-stage Dockerfile restores inside the image and whose .gitlab-ci.yml is its own: both are
/// kept, and the golden-path versions are written beside them.
/// </summary>
public sealed class AdoptingARepositoryWithItsOwnDockerfileAndCi : IDisposable
{
    private readonly Repository _repository = Scenarios.MultiStageDockerfile();

    [Fact]
    public void The_dockerfile_and_ci_file_are_kept_and_the_golden_path_ones_written_beside()
    {
        var dockerfile = _repository.Read("Dockerfile");
        var ci = _repository.Read(".gitlab-ci.yml");

        var result = AdoptTool.Run(_repository, "--team", "orders");

        result.ShouldSucceed();
        result.ShouldDetect("solution", "Orders.sln");
        result.ShouldDetect("Dockerfile", "Dockerfile (3 stages, restores inside the image)");
        result.ShouldDetect("CI files", ".gitlab-ci.yml", "never overwritten");
        result.ShouldPlan("write beside", "Dockerfile.idp");
        result.ShouldPlan("write beside", ".gitlab-ci.idp.yml");
        result.Output.ShouldContain("cannot run where the build has no registry access");
        result.Output.ShouldContain("git mv -f .gitlab-ci.idp.yml .gitlab-ci.yml");
        _repository.Read("Dockerfile").ShouldBe(dockerfile);
        _repository.Read(".gitlab-ci.yml").ShouldBe(ci);
        _repository.Read("Dockerfile.idp").ShouldContain("COPY artifacts/publish/orders-api/ /app/");
        _repository.Read(".gitlab-ci.idp.yml").ShouldContain("golden-path@");
        _repository.Exists(".dockerignore").ShouldBeFalse("a .dockerignore for the published output would break the team's Dockerfile");
        ServiceDescriptorReader.Read(_repository.PathOf("idp.yaml")).Image.Dockerfile.ShouldBe("Dockerfile.idp");
    }

    [Fact]
    public void A_second_run_keeps_the_files_written_beside()
    {
        AdoptTool.Run(_repository, "--team", "orders").ShouldSucceed();
        var before = _repository.Snapshot();

        var again = AdoptTool.Run(_repository);

        again.Output.ShouldContain("Nothing to do");
        again.ShouldPlan("keep", "Dockerfile.idp");
        again.ShouldPlan("keep", ".gitlab-ci.idp.yml");
        _repository.Snapshot().ShouldBe(before);
    }

    public void Dispose() => _repository.Dispose();
}
