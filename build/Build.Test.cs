using Idp.Build;
using Idp.Build.Tools;
using static Idp.Build.Tools.DotNetTasks;

namespace Idp.Build.Repository;

partial class Build
{
    [Parameter("Only run tests matching this dotnet test filter, e.g. FullyQualifiedName~Planner")]
    readonly string? TestFilter;

    Target Test => _ => _
        .Description("Runs the whole test suite; results in artifacts/test-results/")
        .DependsOn(Prerequisites, Compile)
        .Executes(() =>
        {
            if (TestResultsDirectory.DirectoryExists())
                Directory.Delete(TestResultsDirectory, recursive: true);
            try
            {
                DotNetTest(s => s
                    .SetProjectFile(Solution)
                    .SetConfiguration(Configuration)
                    .EnableNoBuild()
                    .EnableNoRestore()
                    .SetFilter(TestFilter)
                    .SetResultsDirectory(TestResultsDirectory)
                    .AddLoggers("trx", "console;verbosity=normal"));
            }
            finally
            {
                var totals = TrxTotals.Read(TestResultsDirectory);
                ReportSummary(totals.ToString());
                foreach (var failure in totals.Failures)
                    Log.Error(failure.ToString());
                Log.Information(totals.ToString());
                TestResultsDirectory.CreateDirectory();
                File.WriteAllText(TestResultsDirectory / "summary.txt", totals.Report());
            }
        });
}
