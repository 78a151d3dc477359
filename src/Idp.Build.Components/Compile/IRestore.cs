using Idp.Build;
using Idp.Build.Components.Quality;
using Idp.Build.Components.Repository;
using Idp.Build.Tools;
using static Idp.Build.Tools.DotNetTasks;

namespace Idp.Build.Components.Compile;

/// <summary><c>Restore</c>: restores the solution's packages, including the quality gate's analyzers.</summary>
public interface IRestore : IHazSolution, IHazArtifacts
{
    Target Restore => _ => _
        .Description("Restores the solution's NuGet packages (skipped while project files and restore outputs are unchanged)")
        .Inputs("*.sln", "*.slnx", "global.json", "**/*.csproj", "**/Directory.*.props", "**/Directory.*.targets", "**/nuget.config", "**/NuGet.Config")
        .Outputs("**/obj/project.assets.json")
        .Executes(() => DotNetRestore(s => s.Apply(RestoreSettingsBase).Apply(RestoreSettings)));

    sealed Configure<DotNetRestoreSettings> RestoreSettingsBase => _ => _
        .SetProjectFile(Solution)
        .Apply(AnalysisInjection.Settings<DotNetRestoreSettings>(TemporaryDirectory, ArtifactsDirectory / "sarif"));

    /// <summary>The team's hook: extra sources, properties, verbosity.</summary>
    Configure<DotNetRestoreSettings> RestoreSettings => _ => _;
}
