using Idp.Build;
using Idp.Build.Components.Dora;
using Idp.Build.Components.Registry;

namespace Idp.Build.Components.Platform;

/// <summary>
/// <c>LocalPlatform</c>: a Docker engine and a registry on this machine, so <c>./build.sh DockerBuild Push</c> works on a
/// laptop with nothing configured. Reuses a reachable engine (DOCKER_HOST or the default socket), else starts
/// <c>dockerd</c> with a private socket and data root under <c>~/.idp/</c>; starts <c>docker-registry</c> on
/// 127.0.0.1:<c>--registry-port</c> (5001) when no <c>--registry</c> is given; and, in a build that emits DORA events
/// without <c>--dora-endpoint</c>, Idp.Dora on 127.0.0.1:<c>--dora-port</c> (5080). <c>LocalPlatformStop</c> stops what it started.
/// </summary>
public interface ILocalPlatform : IHazDockerEngine, IHazRegistry
{
    [Parameter("Idp.Dora.dll the local platform starts when no Idp.Dora runs (default: the one 'dotnet tool install --global Idp.Dora' installed)")]
    AbsolutePath? DoraServer => TryGetValue(() => DoraServer);

    Target LocalPlatform => _ => _
        .Description("Makes sure a Docker engine, (without --registry) a local registry and (without --dora-endpoint) Idp.Dora run; starts what is missing")
        .Executes(() =>
        {
            var platform = new LocalPlatform(PlatformLayout, Log);
            var status = new List<string> { platform.EnsureEngine(DockerEndpoint, DockerHost is not null) };
            if (UsesLocalRegistry)
                status.Add(platform.EnsureRegistry(LocalRegistryPort));
            if (this is IEmitDora { DoraEndpoint: null } dora)
                status.Add(new LocalDora(PlatformLayout, Log).Ensure(dora.DoraPort ?? IEmitDora.DefaultLocalDoraPort, DoraServer));
            foreach (var line in status)
                Log.Information(line);
            ReportSummary(string.Join("; ", status));
        });

    Target LocalPlatformStop => _ => _
        .Description("Stops the engine, registry and Idp.Dora that LocalPlatform started (never one it reused)")
        .Executes(() =>
        {
            var dora = new LocalDora(PlatformLayout, Log).Stop();
            ReportSummary((dora ? "stopped Idp.Dora; " : "") + new LocalPlatform(PlatformLayout, Log).Stop());
        });
}
