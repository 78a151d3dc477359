using System.Runtime.InteropServices;
using Idp.Build.Processes;
using Idp.Build.Tools;
using static Idp.Build.Tools.DotNetTasks;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>
/// Compiles a benchmark's own program the way the bootstrappers compile a build: Debug, ReadyToRun for this machine
/// where that restores, a plain build where not, so that its start-up figures are those a bootstrapped program has.
/// </summary>
static class ProgramCompiler
{
    /// <summary>Compiles <paramref name="project"/> into <paramref name="output"/>; returns how, e.g. "Debug, ReadyToRun for linux-x64".</summary>
    public static string Compile(AbsolutePath project, AbsolutePath output)
    {
        var failure = "no runtime identifier for this machine";
        if (RuntimeIdentifierOfThisMachine() is { } runtime)
        {
            try
            {
                DotNetPublish(s => FrameworkDependent(s.SetProjectFile(project).SetConfiguration("Debug").SetRuntime(runtime).SetOutputDirectory(output)
                    .SetProperty("PublishReadyToRun", "true").SetVerbosity("quiet")));
                return $"Debug, ReadyToRun for {runtime}";
            }
            catch (ProcessException exception)
            {
                failure = $"ReadyToRun for {runtime} failed: {exception.Message.Split('\n')[0]}";
            }
        }
        DotNetBuild(s => s.SetProjectFile(project).SetVerbosity("quiet"));
        return $"Debug, no ReadyToRun ({failure})";
    }

    private static DotNetPublishSettings FrameworkDependent(DotNetPublishSettings settings) => settings with { SelfContained = false };

    private static string? RuntimeIdentifierOfThisMachine()
    {
        var os = OperatingSystem.IsWindows() ? "win"
            : OperatingSystem.IsMacOS() ? "osx"
            : OperatingSystem.IsLinux() ? (IsMusl() ? "linux-musl" : "linux")
            : null;
        var architecture = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            _ => null,
        };
        return os is null || architecture is null ? null : $"{os}-{architecture}";

        static bool IsMusl() => Directory.Exists("/lib") && Directory.EnumerateFiles("/lib", "ld-musl-*").Any();
    }
}
