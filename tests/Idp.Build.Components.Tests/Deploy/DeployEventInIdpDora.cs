using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Idp.Build.Components.Tests.Image;
using Idp.Build.Processes;
using Idp.Testing;

namespace Idp.Build.Components.Tests.Deploy;

/// <summary>
/// With no --dora-endpoint, the local platform starts Idp.Dora, and a local deploy ends with its event there: the
/// metrics endpoint counts the deployment and its lead time.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class DeployEventInIdpDora(ImagePipeline pipeline)
{
    [Fact]
    public async Task A_local_deploy_reaches_the_local_Idp_Dora_and_shows_in_the_DORA_metrics()
    {
        pipeline.FirstPush.ExitCode.ShouldBe(0, pipeline.FirstPush.StandardOutput);
        await pipeline.RemoveLocalDeploymentAsync();
        pipeline.RestoreFirstImageRecord();
        var doraPort = LocalPorts.Free().ToString(CultureInfo.InvariantCulture);
        string[] dora = ["--dora-port", doraPort, "--dora-server", Path.Combine(AppContext.BaseDirectory, "Idp.Dora.dll")];
        var from = DateTimeOffset.UtcNow.AddDays(-1);
        ProcessResult? stop = null;
        try
        {
            var result = pipeline.Run(["Deploy", "--skip", "BaseImage", "Restore", "Compile", "Publish", "DockerBuild", "Push",
                "--local-port", LocalPorts.Free().ToString(CultureInfo.InvariantCulture), .. dora]);

            result.ExitCode.ShouldBe(0, result.StandardOutput);
            result.StandardOutput.ShouldContain($"Idp.Dora http://127.0.0.1:{doraPort}/ (started, pid");
            result.StandardOutput.ShouldMatch(@"EmitDora\s+│ Succeeded\s+│[^│]+│ [1-9]\d* sent, 0 kept, 0 rejected");
            using var http = new HttpClient();
            var to = DateTimeOffset.UtcNow.AddDays(1);
            var metrics = JsonDocument.Parse(await http.GetStringAsync(new Uri(
                $"http://127.0.0.1:{doraPort}/api/metrics/dora?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}&service=hello-service"))).RootElement;
            metrics.GetProperty("deployments").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
            metrics.GetProperty("leadTimeMinutes").ValueKind.ShouldBe(JsonValueKind.Number);
            metrics.GetProperty("leadTimeMinutes").GetDouble().ShouldBeGreaterThan(0);
        }
        finally
        {
            stop = pipeline.Run(["LocalPlatformStop", .. dora]);
        }
        stop.StandardOutput.ShouldContain("stopped Idp.Dora");
    }
}
