using Idp.Build;
using Idp.Build.Components.Registry;

namespace Idp.Build.Components.Platform;

/// <summary>
/// <c>LocalPlatform</c>: a Docker engine and a registry on this machine, so <c>./build.sh DockerBuild Push</c> works on a
/// laptop with nothing configured. Reuses a reachable engine (DOCKER_HOST or the default socket), else starts
/// <c>dockerd</c> with a private socket and data root under <c>~/.idp/</c>; starts <c>docker-registry</c> on
/// 127.0.0.1:<c>--registry-port</c> (5001) when no <c>--registry</c> is given. <c>LocalPlatformStop</c> stops what it started.
/// </summary>
public interface ILocalPlatform : IHazDockerEngine, IHazRegistry
{
    Target LocalPlatform => _ => _
        .Description("Makes sure a Docker engine and (without --registry) a local registry run; starts what is missing")
        .Executes(() =>
        {
            var platform = new LocalPlatform(PlatformLayout, Log);
            var status = new List<string> { platform.EnsureEngine(DockerEndpoint, DockerHost is not null) };
            if (UsesLocalRegistry)
                status.Add(platform.EnsureRegistry(LocalRegistryPort));
            foreach (var line in status)
                Log.Information(line);
            ReportSummary(string.Join("; ", status));
        });

    Target LocalPlatformStop => _ => _
        .Description("Stops the engine and registry that LocalPlatform started (never one it reused)")
        .Executes(() => ReportSummary(new LocalPlatform(PlatformLayout, Log).Stop()));
}
