using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Idp.Build.Components.Platform;

/// <summary>
/// The folder of the shared .NET runtime (<c>shared/Microsoft.NETCore.App/&lt;version&gt;</c>) this build runs on, from
/// which the base image is made. A native build (<c>IDP_BUILD_NATIVE=on</c>) carries its runtime inside its
/// executable, and a self-contained one beside it, so for them this is the runtime the <c>dotnet</c> host would run:
/// the one under <c>DOTNET_ROOT</c> (which build.sh sets for the native build), else beside <c>dotnet</c> on the PATH,
/// of the build's own version or else the newest of its major.minor.
/// </summary>
public static class SharedRuntime
{
    private const string NetCoreApp = "Microsoft.NETCore.App";

    private static readonly Lazy<DirectoryInfo> Found = new(Find);

    /// <summary>E.g. <c>/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.3</c>.</summary>
    public static DirectoryInfo Directory => Found.Value;

    private static DirectoryInfo Find()
    {
        if (RuntimeFeature.IsDynamicCodeSupported && SharedFrameworkAt(RuntimeEnvironment.GetRuntimeDirectory()) is { } shared)
            return shared;

        var root = DotNetRoot() ?? throw new BuildException(
            "This build carries its own .NET runtime (native or self-contained) and cannot find an installed one to put into the base image: DOTNET_ROOT is not set and no 'dotnet' is on the PATH. Set DOTNET_ROOT to the folder that holds 'dotnet'.");
        var frameworks = new DirectoryInfo(Path.Combine(root, "shared", NetCoreApp));
        var own = Environment.Version;
        var candidates = frameworks.Exists
            ? frameworks.GetDirectories().Where(d => System.Version.TryParse(d.Name, out var v) && v.Major == own.Major && v.Minor == own.Minor).ToList()
            : [];
        return candidates.FirstOrDefault(d => d.Name == own.ToString(3))
            ?? candidates.OrderBy(d => System.Version.Parse(d.Name)).LastOrDefault()
            ?? throw new BuildException(
                $"No .NET {own.Major}.{own.Minor} runtime is installed under {root} (no {frameworks.FullName}/{own.Major}.{own.Minor}.*), which the base image is made from. Install dotnet-runtime-{own.Major}.{own.Minor}, or point DOTNET_ROOT at the installation that has it.");
    }

    /// <summary>
    /// The runtime folder of a framework-dependent build, a version folder of the shared framework; null for the
    /// folder of a self-contained build, which holds the build and its own copy of the runtime.
    /// </summary>
    internal static DirectoryInfo? SharedFrameworkAt(string runtimeDirectory) =>
        new DirectoryInfo(runtimeDirectory) is { Parent.Name: NetCoreApp } shared ? shared : null;

    private static string? DotNetRoot()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root)
            return root;
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => new FileInfo(Path.Combine(directory, "dotnet"))).FirstOrDefault(file => file.Exists);
        var host = onPath?.ResolveLinkTarget(returnFinalTarget: true) ?? onPath;
        return host is null ? null : Path.GetDirectoryName(host.FullName);
    }
}
