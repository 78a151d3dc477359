using Idp.Build;
using Idp.Build.Components.Quality;
using Idp.Build.Components.Repository;
using Idp.Build.Tools;
using static Idp.Build.Tools.DotNetTasks;

namespace Idp.Build.Components.Compile;

/// <summary>
/// <c>Compile</c>: builds the solution with the version from git (<see cref="GitVersion"/>), CI build flags on a
/// server, and the quality gate's analyzers writing SARIF to <c>artifacts/sarif/</c>.
/// </summary>
public interface ICompile : IRestore, IHazConfiguration, IHazGitRepository
{
    Target Compile => _ => _
        .Description("Builds the solution (version from git; analyzers for the quality gate)")
        .DependsOn(Restore)
        .Executes(() =>
        {
            var sarif = ArtifactsDirectory / "sarif";
            if (sarif.DirectoryExists())
                Directory.Delete(sarif, recursive: true);
            sarif.CreateDirectory();
            DotNetBuild(s => s.Apply(CompileSettingsBase).Apply(CompileSettings));
            ReportSummary($"version {GitRepository.Version}");
        });

    sealed Configure<DotNetBuildSettings> CompileSettingsBase => _ => _
        .SetProjectFile(Solution)
        .SetConfiguration(Configuration)
        .EnableNoRestore()
        .SetProperty("Version", GitRepository.Version)
        .SetProperty("AssemblyVersion", GitVersion.NumericPart(GitRepository.Version))
        .SetProperty("FileVersion", GitVersion.NumericPart(GitRepository.Version))
        .When(GitRepository.CommitSha is not null, s => s.SetProperty("SourceRevisionId", GitRepository.CommitSha!))
        .When(IsServerBuild, s => s.EnableContinuousIntegrationBuild())
        .Apply(AnalysisInjection.Settings<DotNetBuildSettings>(TemporaryDirectory, ArtifactsDirectory / "sarif"));

    /// <summary>The team's hook: extra MSBuild properties, verbosity, a different project.</summary>
    Configure<DotNetBuildSettings> CompileSettings => _ => _;
}
