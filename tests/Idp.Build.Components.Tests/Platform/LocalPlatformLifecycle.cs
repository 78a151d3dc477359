using System.Net;
using System.Net.Sockets;
using Idp.Build.Components.Platform;
using Idp.Build.Components.Tests.Image;
using Idp.Testing;

namespace Idp.Build.Components.Tests.Platform;

/// <summary>LocalPlatform starts what is missing, reuses what runs, and LocalPlatformStop stops only what it started.</summary>
[Collection(DockerCollection.Name)]
public sealed class LocalPlatformLifecycle(ImagePipeline pipeline)
{
    [Fact]
    public void It_starts_a_registry_once_reuses_the_engine_and_stops_only_what_it_started()
    {
        var port = LocalPorts.Free();
        var directory = pipeline.Sample.Root / ".idp-lifecycle";
        string[] common = ["--docker-host", pipeline.Engine.Endpoint.ToString(), "--registry-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--platform-directory", directory];

        var first = pipeline.Sample.Run(pipeline.BuildAssembly, ["LocalPlatform", .. common]);
        var second = pipeline.Sample.Run(pipeline.BuildAssembly, ["LocalPlatform", .. common]);
        var stop = pipeline.Sample.Run(pipeline.BuildAssembly, ["LocalPlatformStop", .. common]);
        var stopAgain = pipeline.Sample.Run(pipeline.BuildAssembly, ["LocalPlatformStop", .. common]);

        first.ExitCode.ShouldBe(0, first.StandardOutput);
        first.StandardOutput.ShouldContain($"engine {pipeline.Engine.Endpoint} (reused)");
        first.StandardOutput.ShouldMatch($@"registry 127\.0\.0\.1:{port} \(started, pid \d+\)");
        second.StandardOutput.ShouldMatch($@"registry 127\.0\.0\.1:{port} \(running, started by LocalPlatform, pid \d+\)");
        stop.StandardOutput.ShouldContain("stopped docker-registry");
        stop.StandardOutput.ShouldNotContain("dockerd");
        stopAgain.StandardOutput.ShouldContain("nothing to stop");
        File.Exists(directory / "registry" / "registry.pid").ShouldBeFalse();
        Answers(port).ShouldBeFalse();
        DockerEngine.Answers(pipeline.Engine.Endpoint).ShouldBeTrue();
    }

    private static bool Answers(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
