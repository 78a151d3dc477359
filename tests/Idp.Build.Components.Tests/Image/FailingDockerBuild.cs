namespace Idp.Build.Components.Tests.Image;

/// <summary>An error inside the engine's build stream (which Docker.DotNet does not throw) fails DockerBuild, naming the step and the message.</summary>
[Collection(DockerCollection.Name)]
public sealed class FailingDockerBuild(ImagePipeline pipeline)
{
    [Fact]
    public void A_failing_instruction_fails_the_target_with_its_step_and_the_engines_message()
    {
        // The base image has no shell, so any RUN fails inside the engine.
        pipeline.Sample.Write("Dockerfile.broken", "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN echo hello\n");
        pipeline.Sample.Write("idp.broken.yaml", File.ReadAllText(pipeline.Sample.Root / "idp.yaml")
            .Replace("repository: platform/hello-service", "repository: platform/hello-service\n  dockerfile: Dockerfile.broken", StringComparison.Ordinal));
        try
        {
            var result = pipeline.Run("DockerBuild", "--skip", "LocalPlatform", "Restore", "Compile", "Publish", "--service-descriptor-file", pipeline.Sample.Root / "idp.broken.yaml");

            result.ExitCode.ShouldBe(1, result.StandardOutput);
            result.StandardOutput.ShouldContain("docker build of hello-service");
            result.StandardOutput.ShouldMatch(@"failed at Step 3/\d+ : RUN echo hello:\s+\S.*");
            result.StandardOutput.ShouldMatch(@"DockerBuild\s+│ Failed");
        }
        finally
        {
            File.Delete(pipeline.Sample.Root / "Dockerfile.broken");
            File.Delete(pipeline.Sample.Root / "idp.broken.yaml");
        }
    }

    [Fact]
    public void A_missing_base_image_fails_at_FROM_and_says_how_to_get_one()
    {
        const string missing = "127.0.0.1:1/idp/dotnet-aspnet:0.0";

        var result = pipeline.Run("DockerBuild", "--skip", "LocalPlatform", "Restore", "Compile", "Publish", "--runtime-base-image", missing);

        result.ExitCode.ShouldBe(1, result.StandardOutput);
        result.StandardOutput.ShouldMatch(@"failed at Step \d+/\d+ : FROM \$\{BASE_IMAGE\}");
        result.StandardOutput.ShouldContain($"BASE_IMAGE was {missing}. Check that the engine can pull it");
        result.StandardOutput.ShouldMatch(@"BaseImage\s+│ Skipped");
    }
}
