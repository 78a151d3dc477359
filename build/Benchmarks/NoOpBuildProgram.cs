using System.Runtime.InteropServices;
using System.Text;
using Idp.Build.Processes;
using Idp.Build.Tools;
using static Idp.Build.Tools.DotNetTasks;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>
/// A generated build program with many no-op targets, in a temporary folder with its own <c>.nuke/</c>,
/// compiled against <c>src/Idp.Build</c> the way a service's build is: <c>All</c> depends on every no-op
/// target, <c>Single</c> is one no-op target of the same program, so the difference between running the two is
/// what the engine spends per target. Built like the bootstrappers build: Debug, compiled ahead of time
/// (ReadyToRun) for this machine where that restores and a plain build where not, and the same runtime settings
/// as <c>build/_build.csproj</c>.
/// </summary>
sealed class NoOpBuildProgram : IDisposable
{
    private const string AssemblyName = "NoOpTargets";

    private NoOpBuildProgram(AbsolutePath directory, int targetCount)
    {
        Directory = directory;
        TargetCount = targetCount;
    }

    public AbsolutePath Directory { get; }
    public int TargetCount { get; }
    public AbsolutePath Assembly => Directory / "bin" / $"{AssemblyName}.dll";

    /// <summary>How the program was compiled, for the figures' notes, e.g. "Debug, ReadyToRun for linux-x64".</summary>
    public string CompiledAs { get; private set; } = "not compiled";

    public static NoOpBuildProgram Build(AbsolutePath repositoryRoot, int targetCount)
    {
        var program = new NoOpBuildProgram(AbsolutePath.Create(Path.Combine(Path.GetTempPath(), $"idp-build-noop-{Guid.NewGuid():N}")), targetCount);
        try
        {
            program.Write(repositoryRoot);
            program.Compile();
            return program;
        }
        catch
        {
            program.Dispose();
            throw;
        }
    }

    // The same choice as build.sh and build.ps1 make, so the figures are those of a bootstrapped build.
    private void Compile()
    {
        var project = Directory / $"{AssemblyName}.csproj";
        var failure = "no runtime identifier for this machine";
        if (RuntimeIdentifierOfThisMachine() is { } runtime)
        {
            try
            {
                DotNetPublish(s => FrameworkDependent(s.SetProjectFile(project).SetConfiguration("Debug").SetRuntime(runtime).SetOutputDirectory(Directory / "bin")
                    .SetProperty("PublishReadyToRun", "true").SetVerbosity("quiet")));
                CompiledAs = $"Debug, ReadyToRun for {runtime}";
                return;
            }
            catch (ProcessException exception)
            {
                failure = $"ReadyToRun for {runtime} failed: {exception.Message.Split('\n')[0]}";
            }
        }
        DotNetBuild(s => s.SetProjectFile(project).SetVerbosity("quiet"));
        CompiledAs = $"Debug, no ReadyToRun ({failure})";
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

        static bool IsMusl() => System.IO.Directory.Exists("/lib") && System.IO.Directory.EnumerateFiles("/lib", "ld-musl-*").Any();
    }

    private void Write(AbsolutePath repositoryRoot)
    {
        (Directory / ".nuke").CreateDirectory();
        File.WriteAllText(Directory / ".nuke" / "parameters.json", "{}\n");
        File.Copy(repositoryRoot / "global.json", Directory / "global.json");
        File.WriteAllText(Directory / $"{AssemblyName}.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <AssemblyName>{AssemblyName}</AssemblyName>
                <OutputPath>bin/</OutputPath>
                <AppendTargetFrameworkToOutputPath>false</AppendTargetFrameworkToOutputPath>
                <TieredPGO>false</TieredPGO>
                <InvariantGlobalization>true</InvariantGlobalization>
                <UseAppHost>false</UseAppHost>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{repositoryRoot / "src" / "Idp.Build" / "Idp.Build.csproj"}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Directory / "Build.cs", Source());
    }

    private string Source()
    {
        var names = Enumerable.Range(1, TargetCount).Select(i => $"NoOp{i:D5}").ToArray();
        var source = new StringBuilder();
        source.AppendLine("using Idp.Build;");
        source.AppendLine();
        source.AppendLine("class Build : IdpBuild");
        source.AppendLine("{");
        source.AppendLine("    public static int Main() => Execute<Build>(x => x.All);");
        source.AppendLine();
        source.AppendLine("    Target Single => _ => _.Executes(() => { });");
        source.AppendLine();
        source.AppendLine($"    Target All => _ => _.DependsOn({string.Join(", ", names)});");
        source.AppendLine();
        foreach (var name in names)
            source.AppendLine($"    Target {name} => _ => _.Executes(() => {{ }});");
        source.AppendLine("}");
        return source.ToString();
    }

    public void Dispose()
    {
        if (Directory.DirectoryExists())
            System.IO.Directory.Delete(Directory, recursive: true);
    }
}
