using Docker.DotNet.Models;
using Idp.Build.Components.Platform;
using Idp.Build.Components.Registry;
using Idp.Build.Components.Tests.Image;
using Idp.Build.Output;
using Idp.Testing.Docker;

namespace Idp.Build.Components.Tests.Registry;

/// <summary>A registry that goes away in the middle of a real push: the upload is retried, then the push fails naming the registry.</summary>
[Collection(DockerCollection.Name)]
public sealed class RegistryStoppedMidPush(ImagePipeline pipeline)
{
    [Fact]
    public async Task A_registry_killed_during_the_upload_is_retried_then_the_push_fails_clearly()
    {
        pipeline.FirstPush.ExitCode.ShouldBe(0, pipeline.FirstPush.StandardOutput);
        await using var doomed = await RegistryServer.StartAsync();
        using var docker = DockerEngine.Connect(pipeline.Engine.Endpoint);
        await docker.Images.TagImageAsync($"{pipeline.Repository}:{pipeline.FirstCommit}",
            new ImageTagParameters { RepositoryName = $"{doomed.Address}/platform/hello-service", Tag = "doomed" });
        var host = RegistryHost.Of(doomed.Address);
        var credentials = new RegistryCredentials(doomed.Username, doomed.Password);
        using var registry = new RegistryClient(host, credentials, [TimeSpan.FromMilliseconds(50)]);
        var output = new StringWriter();
        var log = new BuildLog(() => output, Verbosity.Normal, useColor: false);
        var pusher = new ImagePusher(docker, registry, host, credentials, log) { RetryDelays = [TimeSpan.FromMilliseconds(200)] };
        using var done = new CancellationTokenSource();
        var killer = KillOnFirstUploadAsync(doomed, done.Token);

        var error = await Should.ThrowAsync<RegistryException>(() => pusher.PushAsync("platform/hello-service", "doomed"));
        await done.CancelAsync();

        (await killer).ShouldBeTrue("the registry was killed while the push was uploading");
        error.Message.ShouldStartWith($"Push of {doomed.Address}/platform/hello-service:doomed failed after 2 attempts:");
        error.Message.ShouldContain("connection refused");
        var logged = output.ToString();
        logged.ShouldContain("Retrying in");
        logged.ShouldContain($"Push of {doomed.Address}/platform/hello-service:doomed failed (");
        logged.ShouldContain("retrying in 0 s.");
        logged.ShouldNotContain(doomed.Password);
    }

    private static async Task<bool> KillOnFirstUploadAsync(RegistryServer registry, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (registry.UploadStarted)
            {
                await registry.KillAsync();
                return true;
            }
            await Task.Delay(10, CancellationToken.None);
        }
        return false;
    }
}
