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
        pipeline.Sample.Write("Dockerfile.stages", """
            ARG BASE_IMAGE
            FROM ${BASE_IMAGE} AS app
            COPY artifacts/publish/hello-service/ /app/
            ENV STAGE=app

            FROM app AS debug
            ENV STAGE=debug
            """);
        pipeline.Sample.Write("idp.stages.yaml", File.ReadAllText(pipeline.Sample.Root / "idp.yaml")
            .Replace("repository: platform/hello-service", $"repository: platform/hello-service-stages-{builder}\n  dockerfile: Dockerfile.stages", StringComparison.Ordinal));
        try
        {
            var result = pipeline.Run("DockerBuild", "--skip", "LocalPlatform", "Restore", "Compile", "Publish", "--docker-target", "app", "--docker-builder", builder,
                "--service-descriptor-file", pipeline.Sample.Root / "idp.stages.yaml");
            result.ExitCode.ShouldBe(0, result.StandardOutput);
            using var docker = DockerEngine.Connect(pipeline.Engine.Endpoint);

            var image = await docker.Images.InspectImageAsync($"{pipeline.Registry.Address}/platform/hello-service-stages-{builder}:{pipeline.Git("rev-parse", "HEAD")}");

            image.Config.Env.ShouldContain("STAGE=app");
            image.Config.Labels["io.idp.service"].ShouldBe("hello-service");
            image.Config.Labels["org.opencontainers.image.revision"].ShouldBe(pipeline.Git("rev-parse", "HEAD"));
        }
        finally
        {
            File.Delete(pipeline.Sample.Root / "Dockerfile.stages");
            File.Delete(pipeline.Sample.Root / "idp.stages.yaml");
        }
    }
}
