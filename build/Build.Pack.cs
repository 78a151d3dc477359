using Idp.Build;
using Idp.Build.Tools;
using static Idp.Build.Tools.DotNetTasks;

namespace Idp.Build.Repository;

partial class Build
{
    Target Pack => _ => _
        .Description("Packs the SDK into artifacts/packages/*.nupkg")
        .DependsOn(Compile)
        .Executes(() =>
        {
            DotNetPack(s => s
                .SetProjectFile(Solution)
                .SetConfiguration(Configuration)
                .EnableNoBuild()
                .EnableNoRestore()
                .SetOutputDirectory(PackagesDirectory));
            var packages = PackagesDirectory.GlobFiles("*.nupkg");
            ReportSummary($"{packages.Count} package(s)");
            foreach (var package in packages)
                Log.Information($"  {package.RelativeTo(RootDirectory)}");
        });
}
