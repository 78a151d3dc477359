using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Idp.Templates.Tests.Support;
using Idp.Testing;
using Idp.Testing.Docker;
using Idp.Testing.Processes;

namespace Idp.Templates.Tests;

/// <summary>
/// The README's main command, <c>./build.sh Demo</c>, run for real: it packs the SDK and template, scaffolds a service,
/// runs its golden path to the local environment on a real Docker engine with the local platform's registry and
/// Idp.Dora, and reports the service, the digest and the lead time. It runs the repository's build program as built
/// for this test run, with its own ports, folders and service name so it never touches a demo someone left running.
/// </summary>
public sealed partial class RunningTheDemo
{
    private static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Demo_deploys_a_scaffolded_service_with_no_edits_and_reports_it_then_stops_the_platform()
    {
        await using var engine = await DockerEngineServer.StartAsync();
        var directory = Directory.CreateTempSubdirectory("idp-demo-test-");
        var (servicePort, doraPort, registryPort) = (LocalPorts.Free(), LocalPorts.Free(), LocalPorts.Free());
        try
        {
            var demo = Command.Run(DotNet, [Path.Combine(RepositoryLayout.Root, "build", "bin", "_build.dll"), "Demo",
                    "--skip", "Prerequisites", "Restore", "Compile",
                    "--configuration", Configuration, "--stop",
                    "--demo-name", "Demo.Checkout", "--demo-port", Port(servicePort), "--demo-dora-port", Port(doraPort), "--demo-registry-port", Port(registryPort),
                    "--demo-directory", Path.Combine(directory.FullName, "demo"), "--demo-feed", Path.Combine(directory.FullName, "feed"),
                    "--demo-platform-directory", Path.Combine(directory.FullName, "platform")],
                RepositoryLayout.Root, TimeSpan.FromMinutes(15), new Dictionary<string, string> { ["DOCKER_HOST"] = engine.Endpoint.ToString() });

            demo.ShouldSucceed();
            demo.Output.ShouldContain($"Service:      http://127.0.0.1:{servicePort}/ (GET /health → {{\"status\":\"healthy\"}})");
            ImageLine().Match(demo.Output).Groups["repository"].Value.ShouldBe($"127.0.0.1:{registryPort}/payments/demo-checkout");
            LeadTimeLine().IsMatch(demo.Output).ShouldBeTrue("the lead time comes from the local Idp.Dora:\n" + demo.Output);
            foreach (var step in new[] { "Compile", "Test", "SonarGate", "DockerBuild", "Push", "Deploy", "EmitDora" })
                demo.Output.ShouldMatch($@"(?m)^{step}\s+│ Succeeded");
            demo.Output.ShouldMatch(@"Command to deployed service: \d+ s");
            (await AnswersAsync(doraPort)).ShouldBeFalse("--stop stops the Idp.Dora the demo started");
            (await AnswersAsync(registryPort)).ShouldBeFalse("--stop stops the registry the demo started");
        }
        finally
        {
            Command.Run("docker", ["-H", engine.Endpoint.ToString(), "rm", "-f", "idp-demo-checkout"], RepositoryLayout.Root, TimeSpan.FromMinutes(1));
            directory.Delete(recursive: true);
        }
    }

    private static string DotNet => Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"Image:\s+(?<repository>\S+)@sha256:[0-9a-f]{64}")]
    private static partial Regex ImageLine();

    [GeneratedRegex(@"DORA:\s+lead time \d+(\.\d)? min over 1 deployment\(s\)")]
    private static partial Regex LeadTimeLine();
}
