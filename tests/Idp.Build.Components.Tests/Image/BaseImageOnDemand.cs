using Idp.Build.Components.Platform;
using Idp.Build.Components.Registry;

namespace Idp.Build.Components.Tests.Image;

/// <summary>On a fresh machine DockerBuild builds the platform's base image first; once the registry holds it, never again.</summary>
[Collection(DockerCollection.Name)]
public sealed class BaseImageOnDemand(ImagePipeline pipeline)
{
    [Fact]
    public async Task The_first_push_builds_the_base_image_and_pushes_it_under_both_runtime_tags()
    {
        pipeline.FirstPush.ExitCode.ShouldBe(0, pipeline.FirstPush.StandardOutput);
        pipeline.FirstPush.StandardOutput.ShouldMatch(@"BaseImage\s+│ Succeeded");
        using var registry = new RegistryClient(RegistryHost.Of(pipeline.Registry.Address), new RegistryCredentials(pipeline.Registry.Username, pipeline.Registry.Password));

        var minor = await registry.HeadManifestAsync(BaseImageName.Repository, BaseImageName.Tag);
        var exact = await registry.HeadManifestAsync(BaseImageName.Repository, BaseImageName.ExactTag);

        minor.ShouldNotBeNull();
        exact.ShouldNotBeNull();
        exact.Digest.ShouldBe(minor.Digest);
    }

    [Fact]
    public void A_later_build_skips_the_base_image_the_registry_already_holds()
    {
        var result = pipeline.Run("DockerBuild", "--skip", "Restore", "Compile", "Publish");

        result.ExitCode.ShouldBe(0, result.StandardOutput);
        result.StandardOutput.ShouldMatch(@"BaseImage\s+│ Skipped\s+│[^\n]*PlatformBaseImageMissing");
    }

    [Fact]
    public void A_given_runtime_base_image_is_used_without_looking_at_the_platforms()
    {
        var given = $"{pipeline.Registry.Address}/{BaseImageName.Repository}:{BaseImageName.Tag}";

        var result = pipeline.Run("DockerBuild", "--skip", "Restore", "Compile", "Publish", "--runtime-base-image", given);

        result.ExitCode.ShouldBe(0, result.StandardOutput);
        result.StandardOutput.ShouldMatch(@"BaseImage\s+│ Skipped");
    }
}
