using Idp.Build.Processes;

namespace Idp.Build.Tools;

/// <summary>
/// Typed <c>dotnet</c> commands: <c>DotNetBuild(s => s.SetProjectFile(Solution).SetConfiguration("Release"))</c>.
/// Import with <c>using static Idp.Build.Tools.DotNetTasks;</c>.
/// </summary>
public static class DotNetTasks
{
    /// <summary>The dotnet executable: <c>DOTNET_HOST_PATH</c> (set by the SDK for child processes), else the host running this build, else <c>dotnet</c> on PATH.</summary>
    public static string DotNetPath =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        // A build started as 'dotnet build/bin/_build.dll' runs in the very host to use.
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    public static ProcessResult DotNetRestore(Configure<DotNetRestoreSettings>? configure = null) => Run(new DotNetRestoreSettings().Apply(configure));

    public static ProcessResult DotNetBuild(Configure<DotNetBuildSettings>? configure = null) => Run(new DotNetBuildSettings().Apply(configure));

    public static ProcessResult DotNetTest(Configure<DotNetTestSettings>? configure = null) => Run(new DotNetTestSettings().Apply(configure));

    public static ProcessResult DotNetPack(Configure<DotNetPackSettings>? configure = null) => Run(new DotNetPackSettings().Apply(configure));

    public static ProcessResult DotNetPublish(Configure<DotNetPublishSettings>? configure = null) => Run(new DotNetPublishSettings().Apply(configure));

    /// <summary>Any other <c>dotnet</c> command.</summary>
    public static ProcessResult DotNet(IEnumerable<string> arguments, ProcessOptions? options = null) =>
        ProcessRunner.Run(DotNetPath, arguments, options);

    private static ProcessResult Run(DotNetSettings settings) => ProcessRunner.Run(DotNetPath, settings.ToArguments(), settings.Options());
}
