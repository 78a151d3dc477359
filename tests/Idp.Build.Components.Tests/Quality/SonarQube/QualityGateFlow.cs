using Idp.Build.Components.Quality;
using Idp.Build.Components.Quality.SonarQube;
using Idp.Testing.SonarQube;

namespace Idp.Build.Components.Tests.Quality.SonarQube;

/// <summary>From the scanner's report-task.txt to the gate's verdict: read the report, wait for the task, read the gate.</summary>
public sealed class QualityGateFlow
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PassingGate_ReportsOkAfterTheTaskSucceeds()
    {
        await using var sonar = await SonarQubeTestSupport.StartAsync();
        var task = sonar.Server.AddTask("hello-service", ["PENDING", "IN_PROGRESS", "SUCCESS"]);
        sonar.Server.SetQualityGate(task.AnalysisId, "OK", new FakeCondition("new_coverage", "LT", "80", "91.2", "OK"));
        var report = ReportTask.Read(sonar.Server.WriteReportTask(sonar.Directory, task));
        using var client = sonar.Client();
        var seen = new List<CeTaskStatus>();

        var done = await client.WaitForTaskAsync(report, SonarQubeTestSupport.Poll, Timeout, new SynchronousProgress(t => seen.Add(t.Status)));
        var gate = await client.GetQualityGateAsync(done.AnalysisId!);

        seen.ShouldBe([CeTaskStatus.Pending, CeTaskStatus.InProgress, CeTaskStatus.Success]);
        done.AnalysisId.ShouldBe(task.AnalysisId);
        gate.Status.ShouldBe(QualityGateStatus.Ok);
        gate.FailedConditions.ShouldBeEmpty();
        gate.Conditions.ShouldBe([new QualityCondition("new_coverage", "LT", "80", "91.2", QualityStatus.Ok)]);
    }

    [Fact]
    public async Task FailingGate_ListsTheFailedConditionsInTheTable()
    {
        await using var sonar = await SonarQubeTestSupport.StartAsync();
        var task = sonar.Server.AddTask("hello-service", ["SUCCESS"]);
        sonar.Server.SetQualityGate(
            task.AnalysisId,
            "ERROR",
            new FakeCondition("new_coverage", "LT", "85", "82.50562381034781", "ERROR"),
            new FakeCondition("new_duplicated_lines_density", "GT", "3", "1.2", "OK"),
            new FakeCondition("new_violations", "GT", "0", "4", "ERROR"),
            new FakeCondition("reopened_issues", "GT", null, "0", "OK"));
        var report = ReportTask.Read(sonar.Server.WriteReportTask(sonar.Directory, task));
        using var client = sonar.Client();

        var done = await client.WaitForTaskAsync(report, SonarQubeTestSupport.Poll, Timeout);
        var gate = await client.GetQualityGateAsync(done.AnalysisId!);

        gate.Status.ShouldBe(QualityGateStatus.Error);
        gate.Conditions.Count.ShouldBe(4);
        gate.Conditions[3].Threshold.ShouldBe("", "an absent errorThreshold is an empty string");
        QualityGateTable.Render(gate.Conditions).ShouldBe(
            """
            Metric         │ Comparator │ Threshold │ Actual            │ Status
            ───────────────┼────────────┼───────────┼───────────────────┼───────
            new_coverage   │ <          │ 85        │ 82.50562381034781 │ ERROR
            new_violations │ >          │ 0         │ 4                 │ ERROR

            """.ReplaceLineEndings(Environment.NewLine));
    }

    [Fact]
    public async Task GateWithoutConditions_ReportsNone()
    {
        await using var sonar = await SonarQubeTestSupport.StartAsync();
        var task = sonar.Server.AddTask("hello-service", ["SUCCESS"]);
        using var client = sonar.Client();

        var done = await client.WaitForTaskAsync(task.TaskId, SonarQubeTestSupport.Poll, Timeout);
        var gate = await client.GetQualityGateAsync(done.AnalysisId!);

        gate.Status.ShouldBe(QualityGateStatus.None);
        gate.Conditions.ShouldBeEmpty();
    }

    [Fact]
    public async Task FailedTask_ThrowsWithTheServersErrorMessage()
    {
        await using var sonar = await SonarQubeTestSupport.StartAsync();
        var task = sonar.Server.AddTask("hello-service", ["PENDING", "FAILED"], errorMessage: "Unrecoverable indexation failures");
        var report = ReportTask.Read(sonar.Server.WriteReportTask(sonar.Directory, task));
        using var client = sonar.Client();

        var error = await Should.ThrowAsync<SonarQubeException>(() => client.WaitForTaskAsync(report, SonarQubeTestSupport.Poll, Timeout));

        error.Message.ShouldContain("Unrecoverable indexation failures");
        error.Message.ShouldContain(task.TaskId);
        error.Message.ShouldContain(report.DashboardUrl!.AbsoluteUri);
    }

    [Fact]
    public async Task CanceledTask_ThrowsAndSaysToRunAgain()
    {
        await using var sonar = await SonarQubeTestSupport.StartAsync();
        var task = sonar.Server.AddTask("hello-service", ["PENDING", "CANCELED"]);
        using var client = sonar.Client();

        var error = await Should.ThrowAsync<SonarQubeException>(() => client.WaitForTaskAsync(task.TaskId, SonarQubeTestSupport.Poll, Timeout));

        error.Message.ShouldContain("cancelled");
        error.Message.ShouldContain("run the analysis again");
    }

    [Fact]
    public async Task TaskThatNeverFinishes_TimesOutNamingTheWaitTheTaskAndWhereToLook()
    {
        await using var sonar = await SonarQubeTestSupport.StartAsync();
        var task = sonar.Server.AddTask("hello-service", ["PENDING", "IN_PROGRESS"]);
        var report = ReportTask.Read(sonar.Server.WriteReportTask(sonar.Directory, task));
        using var client = sonar.Client();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Should.ThrowAsync<SonarQubeException>(() => client.WaitForTaskAsync(report, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(300)));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        sonar.Server.PollsOf(task).ShouldBeGreaterThan(2);
        error.Message.ShouldContain($"'{task.TaskId}'");
        error.Message.ShouldContain("still IN_PROGRESS after waiting");
        error.Message.ShouldContain("timeout 0.3 s");
        error.Message.ShouldContain(report.DashboardUrl!.AbsoluteUri);
        error.Message.ShouldContain(report.CeTaskUrl!.AbsoluteUri);
    }

    [Fact]
    public async Task UnknownTask_ThrowsNotFoundSayingWhichTask()
    {
        await using var sonar = await SonarQubeTestSupport.StartAsync();
        using var client = sonar.Client();

        var error = await Should.ThrowAsync<SonarQubeException>(() => client.GetTaskAsync("AY-no-such-task"));

        error.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        error.Message.ShouldContain("No activity found for task 'AY-no-such-task'");
        error.Message.ShouldContain("report-task.txt");
    }

    [Fact]
    public async Task UnknownAnalysis_ThrowsNotFoundSayingWhichAnalysis()
    {
        await using var sonar = await SonarQubeTestSupport.StartAsync();
        using var client = sonar.Client();

        var error = await Should.ThrowAsync<SonarQubeException>(() => client.GetQualityGateAsync("AY-no-such-analysis"));

        error.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        error.Message.ShouldContain("Analysis with id 'AY-no-such-analysis' is not found");
    }

    /// <summary><see cref="Progress{T}"/> posts to the thread pool; this reports in order, on the caller's thread.</summary>
    private sealed class SynchronousProgress(Action<CeTask> report) : IProgress<CeTask>
    {
        public void Report(CeTask value) => report(value);
    }
}
