namespace Idp.Build.Components.Platform;

/// <summary>Where the local platform keeps its state: one folder (default <c>~/.idp</c>) with a part per daemon.</summary>
/// <param name="Root">The platform's folder.</param>
public sealed record LocalPlatformLayout(AbsolutePath Root)
{
    /// <summary>The local Idp.Dora's folder: database, pid file and log.</summary>
    public AbsolutePath DoraDirectory => Root / "dora";

    /// <summary>The local Idp.Dora's SQLite database.</summary>
    public AbsolutePath DoraDatabase => DoraDirectory / "dora.db";

    /// <summary>The local Idp.Dora's pid file.</summary>
    public AbsolutePath DoraPidFile => DoraDirectory / "dora.pid";

    /// <summary>The local Idp.Dora's log.</summary>
    public AbsolutePath DoraLog => DoraDirectory / "dora.log";

    /// <summary>The private engine's folder: socket, data root, exec root, pid file and log.</summary>
    public AbsolutePath DockerDirectory => Root / "docker";

    /// <summary>The private engine's socket.</summary>
    public AbsolutePath DockerSocket => DockerDirectory / "docker.sock";

    /// <summary>The pid file dockerd writes; its presence means LocalPlatform started that engine.</summary>
    public AbsolutePath DockerPidFile => DockerDirectory / "dockerd.pid";

    /// <summary>The private engine's log.</summary>
    public AbsolutePath DockerLog => DockerDirectory / "dockerd.log";

    /// <summary>The local registry's folder: configuration, storage, pid file and log.</summary>
    public AbsolutePath RegistryDirectory => Root / "registry";

    /// <summary>The pid file of the registry LocalPlatform started.</summary>
    public AbsolutePath RegistryPidFile => RegistryDirectory / "registry.pid";

    /// <summary>The local registry's log (one line per request).</summary>
    public AbsolutePath RegistryLog => RegistryDirectory / "registry.log";
}
