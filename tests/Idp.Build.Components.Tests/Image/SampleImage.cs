using System.Net.Sockets;
using Docker.DotNet.Models;
using Idp.Build.Components.Platform;
using Idp.Testing;

namespace Idp.Build.Components.Tests.Image;

/// <summary>The sample's image, built FROM the scratch-made base image, runs the service and carries the commit's labels.</summary>
[Collection(DockerCollection.Name)]
public sealed class SampleImage(ImagePipeline pipeline)
{
    [Fact]
    public async Task The_image_runs_the_service_and_answers_its_health_endpoint()
    {
        pipeline.FirstPush.ExitCode.ShouldBe(0, pipeline.FirstPush.StandardOutput);
        using var docker = DockerEngine.Connect(pipeline.Engine.Endpoint);
        var port = LocalPorts.Free();
        var container = await docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = $"{pipeline.Repository}:{pipeline.FirstCommit}",
            Env = [$"ASPNETCORE_HTTP_PORTS={port}"],
            HostConfig = new HostConfig { NetworkMode = "host" },
        });
        try
        {
            await docker.Containers.StartContainerAsync(container.ID, new ContainerStartParameters());
            var answer = await GetHealthAsync(port);

            answer.ShouldContain("healthy");
        }
        finally
        {
            await docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }
    }

    [Fact]
    public async Task The_image_is_labelled_with_commit_time_team_and_service_and_tagged_without_latest()
    {
        pipeline.FirstPush.ExitCode.ShouldBe(0, pipeline.FirstPush.StandardOutput);
        using var docker = DockerEngine.Connect(pipeline.Engine.Endpoint);

        var image = await docker.Images.InspectImageAsync($"{pipeline.Repository}:{pipeline.FirstCommit}");

        var labels = image.Config.Labels;
        labels["org.opencontainers.image.revision"].ShouldBe(pipeline.FirstCommit);
        var committed = DateTimeOffset.Parse(pipeline.Git("log", "-1", "--format=%cI", pipeline.FirstCommit), System.Globalization.CultureInfo.InvariantCulture);
        DateTimeOffset.Parse(labels["org.opencontainers.image.created"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(committed);
        labels["org.opencontainers.image.version"].ShouldStartWith("0.1.0-ci.");
        labels["io.idp.team"].ShouldBe("platform");
        labels["io.idp.service"].ShouldBe("hello-service");
        labels["org.opencontainers.image.title"].ShouldBe("hello-service");
        labels.ShouldNotContainKey("org.opencontainers.image.description", "a description inherited from the base image would describe the runtime, not the service");
        image.RepoTags.ShouldContain($"{pipeline.Repository}:{pipeline.FirstCommit}");
        image.RepoTags.ShouldNotContain(t => t.EndsWith(":latest", StringComparison.Ordinal));
        image.Config.User.ShouldBe("1654:1654");
    }

    [Fact]
    public async Task The_source_label_is_the_origin_remote_without_its_credentials()
    {
        pipeline.FirstPush.ExitCode.ShouldBe(0, pipeline.FirstPush.StandardOutput);
        const string token = "glpat-label-secret-0815";
        using var descriptor = pipeline.WriteDescriptor("source");
        pipeline.Git("remote", "add", "origin", $"https://ci-user:{token}@gitlab.example/platform/hello-service.git");
        try
        {
            var result = pipeline.Run("DockerBuild", "--skip", "LocalPlatform", "Restore", "Compile", "Publish", "--service-descriptor-file", descriptor.Path);
            result.ExitCode.ShouldBe(0, result.StandardOutput);
            using var docker = DockerEngine.Connect(pipeline.Engine.Endpoint);

            var image = await docker.Images.InspectImageAsync($"{descriptor.Repository}:{pipeline.Git("rev-parse", "HEAD")}");

            image.Config.Labels["org.opencontainers.image.source"].ShouldBe("https://gitlab.example/platform/hello-service.git");
            image.Config.Labels.Values.ShouldNotContain(value => value.Contains(token, StringComparison.Ordinal));
            (result.StandardOutput + result.StandardError).ShouldNotContain(token);
        }
        finally
        {
            pipeline.Git("remote", "remove", "origin");
        }
    }

    [Fact]
    public async Task BuildKit_sets_the_labels_without_a_build_step()
    {
        pipeline.FirstPush.ExitCode.ShouldBe(0, pipeline.FirstPush.StandardOutput);
        using var docker = DockerEngine.Connect(pipeline.Engine.Endpoint);

        var history = await docker.Images.GetImageHistoryAsync($"{pipeline.Repository}:{pipeline.FirstCommit}");

        // Newest first: the Dockerfile's own last instruction, and no entry that sets the golden path's labels.
        history[0].CreatedBy.ShouldStartWith("COPY artifacts/publish/hello-service/ /app/");
        history.ShouldNotContain(entry => entry.CreatedBy.Contains("org.opencontainers.image.revision", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_classic_builder_sets_all_labels_by_one_build_step_at_the_end()
    {
        pipeline.FirstPush.ExitCode.ShouldBe(0, pipeline.FirstPush.StandardOutput);
        using var descriptor = pipeline.WriteDescriptor("classic");
        var result = pipeline.Run("DockerBuild", "--skip", "LocalPlatform", "Restore", "Compile", "Publish", "--docker-builder", "classic",
            "--service-descriptor-file", descriptor.Path);
        result.ExitCode.ShouldBe(0, result.StandardOutput);
        using var docker = DockerEngine.Connect(pipeline.Engine.Endpoint);

        var history = await docker.Images.GetImageHistoryAsync($"{descriptor.Repository}:{pipeline.Git("rev-parse", "HEAD")}");

        // Newest first: one LABEL step with every label, after the Dockerfile's own last instruction.
        history[0].CreatedBy.ShouldContain("LABEL");
        history[0].CreatedBy.ShouldContain("org.opencontainers.image.revision");
        history[0].CreatedBy.ShouldContain("io.idp.service");
        history[1].CreatedBy.ShouldNotContain("LABEL");
    }

    private static async Task<string> GetHealthAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/health"));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && attempt < 120)
            {
                await Task.Delay(250);
            }
        }
    }
}
