using System.Text;

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
            program.CompiledAs = ProgramCompiler.Compile(program.Directory / $"{AssemblyName}.csproj", program.Directory / "bin");
            return program;
        }
        catch
        {
            program.Dispose();
            throw;
        }
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
