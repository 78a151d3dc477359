using Idp.Build;
using Idp.Build.Tools;
using static Idp.Build.Tools.DotNetTasks;

namespace Idp.Build.Repository;

partial class Build
{
    Target Restore => _ => _
        .Description("Restores the solution's NuGet packages")
        .Executes(() => DotNetRestore(s => s.SetProjectFile(Solution)));

    Target Compile => _ => _
        .Description("Builds the solution (warnings are errors)")
        .DependsOn(Restore)
        .Executes(() => DotNetBuild(s => s
            .SetProjectFile(Solution)
            .SetConfiguration(Configuration)
            .EnableNoRestore()
            .When(IsServerBuild, s => s.EnableContinuousIntegrationBuild())));
}
