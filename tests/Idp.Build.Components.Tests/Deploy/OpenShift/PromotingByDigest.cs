using Idp.Testing.Kubernetes;

namespace Idp.Build.Components.Tests.Deploy.OpenShift;

/// <summary>
/// A deploy job given IMAGE_DIGEST (GitLab's dotenv from the image job) deploys that image and builds nothing: Push and
/// everything only it needs are skipped, and a digest that disagrees with the workspace's image.json deploys nothing.
/// </summary>
public sealed class PromotingByDigest(OpenShiftRepository repository) : IClassFixture<OpenShiftRepository>
{
    private static readonly string[] NoPlatform = ["--skip", "LocalPlatform", "EmitDora"];

    [Fact]
    public void IMAGE_DIGEST_deploys_that_image_and_skips_the_build_and_the_push()
    {
        repository.Cluster.ImageBehaviour = _ => PodBehaviour.Healthy;
        var image = OpenShiftRepository.Image('e');
        repository.Record(image);
        repository.Environment["IMAGE_DIGEST"] = image[(image.IndexOf('@', StringComparison.Ordinal) + 1)..];
        try
        {
            // No Push is skipped by hand: the repository has no solution, so a Compile would fail.
            var deployed = repository.Run(["Deploy", "--environment", "dev", .. NoPlatform]);

            deployed.ExitCode.ShouldBe(0, deployed.Output);
            deployed.Output.ShouldMatch(@"Push\s+│ Skipped\s+│[^│]*│ BuildsNewImage");
            deployed.Output.ShouldMatch(@"DockerBuild\s+│ Skipped");
            deployed.Output.ShouldMatch(@"Compile\s+│ Skipped");
            repository.DeployedImage("platform-dev").ShouldBe(image);
        }
        finally
        {
            repository.Environment.Remove("IMAGE_DIGEST");
        }
    }

    [Fact]
    public void A_digest_other_than_the_recorded_image_fails_naming_both_and_deploys_nothing()
    {
        repository.Cluster.ImageBehaviour = _ => PodBehaviour.Healthy;
        var serving = OpenShiftRepository.Image('a');
        repository.Deploy(serving, "dev").ExitCode.ShouldBe(0);
        var recorded = OpenShiftRepository.Image('b');
        repository.Record(recorded);
        var other = "sha256:" + new string('f', 64);

        var refused = repository.Run(["Deploy", "--environment", "dev", "--image-digest", other, .. NoPlatform]);

        refused.ExitCode.ShouldNotBe(0, refused.Output);
        refused.Output.ShouldContain($"--image-digest (IMAGE_DIGEST) is {other}, but");
        refused.Output.ShouldContain($"records {recorded}");
        repository.DeployedImage("platform-dev").ShouldBe(serving);
    }

    [Fact]
    public void A_digest_that_is_not_one_is_refused_with_the_form_it_must_have()
    {
        var refused = repository.Run(["Deploy", "--environment", "dev", "--image-digest", "latest", .. NoPlatform]);

        refused.ExitCode.ShouldNotBe(0, refused.Output);
        refused.Output.ShouldContain("--image-digest (IMAGE_DIGEST) is 'latest', not a manifest digest 'sha256:' + 64 hex digits");
    }
}
