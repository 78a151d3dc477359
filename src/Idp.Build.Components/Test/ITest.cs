using System.Globalization;
using Idp.Build;
using Idp.Build.Components.Compile;
using Idp.Build.Components.Repository;
using Idp.Build.Processes;
using Idp.Build.Tools;
using static Idp.Build.Tools.DotNetTasks;

namespace Idp.Build.Components.Test;

/// <summary>
/// <c>Test</c>: runs every test project of the solution with coverage. Writes TRX and JUnit XML to
/// <c>artifacts/test-results/</c>, Cobertura and OpenCover to <c>artifacts/coverage/</c>, and puts
/// "N passed, N failed, coverage X%" in the summary; a failing test fails the target, naming the failed tests.
/// </summary>
public interface ITest : ICompile
{
    AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";
    AbsolutePath CoverageDirectory => ArtifactsDirectory / "coverage";

    /// <summary>The test projects; default: those of the solution that reference Microsoft.NET.Test.Sdk.</summary>
    IEnumerable<AbsolutePath> TestProjectFiles => TestProjects.In(Solution);

    Target Test => _ => _
        .Description("Runs the tests with coverage; TRX, JUnit, Cobertura and OpenCover under artifacts/")
        .DependsOn(Compile)
        .Executes(() =>
        {
            var projects = TestProjectFiles.ToArray();
            foreach (var directory in new[] { TestResultsDirectory, CoverageDirectory })
            {
                if (directory.DirectoryExists())
                    Directory.Delete(directory, recursive: true);
                directory.CreateDirectory();
            }
            if (projects.Length == 0)
            {
                Log.Warning($"No test projects in {Solution.Name}: nothing was tested. Add a project that references Microsoft.NET.Test.Sdk.");
                ReportSummary("no test projects");
                return;
            }

            var runs = projects.Select(RunTestProject).ToArray();
            var coverage = CoberturaReport.Read(CoverageDirectory.GlobFiles("*.cobertura.xml").Select(p => (string)p)).LineCoverage;
            var (passed, failed, skipped) = (runs.Sum(r => r.Passed), runs.Sum(r => r.Failed), runs.Sum(r => r.Skipped));
            var line = $"Tests: {passed} passed, {failed} failed{(skipped > 0 ? $", {skipped} skipped" : "")}, coverage {(coverage is { } c ? c.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a")}";
            Log.Information(line);
            ReportSummary(line["Tests: ".Length..]);
            var failures = runs.SelectMany(r => r.Cases).Where(c => c.Failed).ToArray();
            if (failures.Length > 0)
            {
                throw new TargetFailedException(
                    $"{failures.Length} test{(failures.Length == 1 ? "" : "s")} failed:\n" +
                    string.Join("\n", failures.Select(f => $"  {f.Name}  — {f.Message?.Split('\n')[0].Trim()}")));
            }
        });

    sealed Configure<DotNetTestSettings> TestSettingsBase => _ => _
        .SetConfiguration(Configuration)
        .EnableNoBuild()
        .EnableNoRestore()
        .AddDataCollectors("XPlat Code Coverage")
        .AddRunSettings("DataCollectionRunSettings.DataCollectors.DataCollector.Configuration.Format=cobertura,opencover");

    /// <summary>The team's hook, applied to every test project: a filter, a settings file, more loggers.</summary>
    Configure<DotNetTestSettings> TestSettings => _ => _;

    private TestRun RunTestProject(AbsolutePath project)
    {
        var name = Path.GetFileNameWithoutExtension(project);
        var results = TemporaryDirectory / "test-results" / name;
        if (results.DirectoryExists())
            Directory.Delete(results, recursive: true);
        ProcessException? failure = null;
        try
        {
            DotNetTest(s => s
                .SetProjectFile(project)
                .SetResultsDirectory(results)
                .AddLoggers($"trx;LogFileName={name}.trx")
                .Apply(TestSettingsBase)
                .Apply(TestSettings));
        }
        catch (ProcessException e)
        {
            failure = e; // Failed tests are read from the TRX below; no TRX means dotnet test itself failed.
        }

        var trx = results.GlobFiles("*.trx").FirstOrDefault()
            ?? throw new TargetFailedException($"dotnet test wrote no results for {name}: {failure?.Message ?? "no TRX file"}");
        File.Copy(trx, TestResultsDirectory / (name + ".trx"), overwrite: true);
        var run = TrxReader.Read(trx, name);
        JUnitWriter.Write(run, TestResultsDirectory / (name + ".xml"));
        foreach (var format in new[] { "cobertura", "opencover" })
        {
            if (results.GlobFiles($"**/coverage.{format}.xml").FirstOrDefault() is { } report)
                File.Copy(report, CoverageDirectory / $"{name}.{format}.xml", overwrite: true);
        }
        if (failure is not null && run.Failed == 0)
            throw new TargetFailedException($"dotnet test failed for {name} although no test failed: {failure.Message}");
        return run;
    }
}
