using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Idp.Build.Components.Dora;
using Idp.Build.Components.Tests.Image;
using Idp.Testing;

namespace Idp.Build.Components.Tests.Deploy;

/// <summary>
/// Deploy to the local environment, for real on the Docker engine: the service answers on its port, a version that
/// crashes never replaces it, and every outcome is a DORA event in the outbox.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class LocalEnvironment(ImagePipeline pipeline)
{
    private static readonly string[] AlreadyBuilt = ["--skip", "LocalPlatform", "BaseImage", "Restore", "Compile", "Publish", "DockerBuild", "Push"];

    [Fact]
    public async Task A_healthy_deploy_serves_and_a_crashing_version_is_rolled_back_while_the_old_one_keeps_serving()
    {
        pipeline.FirstPush.ExitCode.ShouldBe(0, pipeline.FirstPush.StandardOutput);
        var port = LocalPorts.Free();
        string[] local = ["--local-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dora-endpoint", "http://127.0.0.1:9/"];
        await pipeline.RemoveLocalDeploymentAsync();
        pipeline.RestoreFirstImageRecord();
        var outbox = new DoraOutbox(pipeline.Sample.Root / ".nuke" / "temp" / "dora-outbox");
        foreach (var stale in outbox.Pending())
            DoraOutbox.Delivered(stale);

        var first = pipeline.Run(["Deploy", .. AlreadyBuilt, .. local]);

        first.ExitCode.ShouldBe(0, first.StandardOutput);
        first.StandardOutput.ShouldMatch(@"Deploy\s+│ Succeeded\s+│[^│]+│ http://127\.0\.0\.1:\d+/");
        first.StandardOutput.ShouldMatch(@"EmitDora\s+│ Succeeded\s+│[^│]+│ 0 sent, 1 kept, 0 rejected");
        (await GetAsync(port, "/health")).ShouldContain("healthy");
        var deployed = JsonDocument.Parse(File.ReadAllText(pipeline.Sample.Artifacts / "deploy.json")).RootElement;
        deployed.GetProperty("succeeded").GetBoolean().ShouldBeTrue();
        deployed.GetProperty("image").GetString().ShouldBe($"{pipeline.Repository}@{pipeline.FirstImage.GetProperty("digest").GetString()}");
        var firstEvents = outbox.Pending().Select(e => JsonDocument.Parse(e.Json).RootElement).ToList();
        firstEvents.Count.ShouldBe(1);
        firstEvents[0].GetProperty("context").GetProperty("type").GetString().ShouldBe("dev.cdevents.service.deployed.0.3.0");
        firstEvents[0].GetProperty("context").GetProperty("id").GetString().ShouldBe(deployed.GetProperty("deploymentId").GetString());
        firstEvents[0].GetProperty("customData").GetProperty("commits")[0].GetProperty("sha").GetString().ShouldBe(pipeline.Git("rev-parse", "HEAD"));

        var program = pipeline.Sample.Root / "src" / "HelloService" / "Program.cs";
        var working = File.ReadAllText(program);
        File.WriteAllText(program, working.Replace("var app = builder.Build();",
            "var app = builder.Build();\nif (!args.Contains(\"--never-given\"))\n    throw new InvalidOperationException(\"Broken on purpose by the test\");", StringComparison.Ordinal));
        pipeline.Commit("A version that crashes at start");
        try
        {
            var pushed = pipeline.Run("Push", "--skip", "LocalPlatform", "BaseImage");
            pushed.ExitCode.ShouldBe(0, pushed.StandardOutput);

            var broken = pipeline.Run(["Deploy", .. AlreadyBuilt, .. local]);

            broken.ExitCode.ShouldBe(1, broken.StandardOutput);
            broken.StandardOutput.ShouldContain("did not become healthy: the container exited with code");
            broken.StandardOutput.ShouldContain("Broken on purpose by the test");
            broken.StandardOutput.ShouldContain($"Rolled back: the previous container ({deployed.GetProperty("image").GetString()}) keeps serving");
            broken.StandardOutput.ShouldMatch(@"EmitDora\s+│ Succeeded\s+│[^│]+│ 0 sent, 3 kept, 0 rejected");
            (await GetAsync(port, "/health")).ShouldContain("healthy");
            var types = outbox.Pending().Select(e => JsonDocument.Parse(e.Json).RootElement.GetProperty("context").GetProperty("type").GetString()).ToList();
            types.ShouldBe(["dev.cdevents.service.deployed.0.3.0", "dev.cdevents.pipelinerun.finished.0.3.0", "dev.cdevents.service.rolledback.0.3.0"], ignoreOrder: true);
        }
        finally
        {
            File.WriteAllText(program, working);
            pipeline.Commit("Working again");
        }
    }

    private static async Task<string> GetAsync(int port, string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        return await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}{path}"));
    }
}
