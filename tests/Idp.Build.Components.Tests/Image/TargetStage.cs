using Idp.Build.Components.Platform;

namespace Idp.Build.Components.Tests.Image;

/// <summary>--docker-target builds the named stage of a multi-stage Dockerfile, and that image carries the labels.</summary>
[Collection(DockerCollection.Name)]
public sealed class TargetStage(ImagePipeline pipeline)
{
    [Theory]
    [InlineData("buildkit")]
    [InlineData("classic")]
    public async Task The_named_stage_is_built_and_labelled_not_the_last_one(string builder)
    {
        pipeline.FirstPush.ExitCode.ShouldBe(0, pipeline.FirstPush.StandardOutput);
        using var descriptor = pipeline.WriteDescriptor($"stages-{builder}", """
            ARG BASE_IMAGE
            FROM ${BASE_IMAGE} AS app
            COPY artifacts/publish/hello-service/ /app/
            ENV STAGE=app

            FROM app AS debug
            ENV STAGE=debug
            """);
        var result = pipeline.Run("DockerBuild", "--skip", "LocalPlatform", "Restore", "Compile", "Publish", "--docker-target", "app", "--docker-builder", builder,
            "--service-descriptor-file", descriptor.Path);
        result.ExitCode.ShouldBe(0, result.StandardOutput);
        using var docker = DockerEngine.Connect(pipeline.Engine.Endpoint);

        var image = await docker.Images.InspectImageAsync($"{descriptor.Repository}:{pipeline.Git("rev-parse", "HEAD")}");

        image.Config.Env.ShouldContain("STAGE=app");
        image.Config.Labels["io.idp.service"].ShouldBe("hello-service");
        image.Config.Labels["org.opencontainers.image.revision"].ShouldBe(pipeline.Git("rev-parse", "HEAD"));
    }
}
