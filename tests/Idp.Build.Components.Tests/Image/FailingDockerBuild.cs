namespace Idp.Build.Components.Tests.Image;

/// <summary>An error inside the engine's build stream (which Docker.DotNet does not throw) fails DockerBuild, naming the step and the message.</summary>
[Collection(DockerCollection.Name)]
public sealed class FailingDockerBuild(ImagePipeline pipeline)
{
    [Fact]
    public void A_failing_instruction_fails_the_target_with_its_BuildKit_step_and_the_engines_message()
    {
        using var descriptor = pipeline.WriteDescriptor("broken", BrokenDockerfile);

        var result = pipeline.Run("DockerBuild", "--skip", "LocalPlatform", "Restore", "Compile", "Publish", "--service-descriptor-file", descriptor.Path);

        result.ExitCode.ShouldBe(1, result.StandardOutput);
        result.StandardOutput.ShouldContain("(BuildKit)");
        result.StandardOutput.ShouldContain("docker build of hello-service");
        // BuildKit's own step name, numbered as docker build prints it, and the reason: the base image has no shell.
        result.StandardOutput.ShouldMatch(@"#\d+ \[2/2\] RUN echo hello");
        result.StandardOutput.ShouldMatch(@"failed at \[2/2\] RUN echo hello:\s+\S.*/bin/sh");
        result.StandardOutput.ShouldMatch(@"DockerBuild\s+│ Failed");
    }

    [Fact]
    public void With_the_classic_builder_a_failing_instruction_is_named_by_its_step_number()
    {
        using var descriptor = pipeline.WriteDescriptor("broken", BrokenDockerfile);

        var result = pipeline.Run("DockerBuild", "--skip", "LocalPlatform", "Restore", "Compile", "Publish", "--service-descriptor-file", descriptor.Path,
            "--docker-builder", "classic");

        result.ExitCode.ShouldBe(1, result.StandardOutput);
        result.StandardOutput.ShouldContain("(classic builder)");
        result.StandardOutput.ShouldMatch(@"failed at Step 3/\d+ : RUN echo hello:\s+\S.*");
        result.StandardOutput.ShouldMatch(@"DockerBuild\s+│ Failed");
    }

    [Fact]
    public void A_missing_base_image_fails_where_it_is_resolved_and_says_how_to_get_one()
    {
        const string missing = "127.0.0.1:1/idp/dotnet-aspnet:0.0";

        var result = pipeline.Run("DockerBuild", "--skip", "LocalPlatform", "Restore", "Compile", "Publish", "--runtime-base-image", missing);

        result.ExitCode.ShouldBe(1, result.StandardOutput);
        result.StandardOutput.ShouldMatch(@"failed at \S.*127\.0\.0\.1:1/idp/dotnet-aspnet:0\.0");
        result.StandardOutput.ShouldContain($"BASE_IMAGE was {missing}. Check that the engine can pull it");
        result.StandardOutput.ShouldMatch(@"BaseImage\s+│ Skipped");
    }

    // The base image has no shell, so any RUN fails inside the engine.
    private const string BrokenDockerfile = "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN echo hello\n";
}
