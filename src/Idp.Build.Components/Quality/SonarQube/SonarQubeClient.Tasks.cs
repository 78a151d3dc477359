using System.Diagnostics;
using System.Globalization;

namespace Idp.Build.Components.Quality.SonarQube;

// GET /api/ce/task: the Compute Engine task that turns an uploaded report into an analysis.
public sealed partial class SonarQubeClient
{
    /// <summary>Reads a Compute Engine task once.</summary>
    /// <param name="taskId">The task id (<see cref="ReportTask.CeTaskId"/>).</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <exception cref="SonarQubeException">The server refused the request, does not know the task, or kept failing.</exception>
    public async Task<CeTask> GetTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        var answer = await GetJsonAsync(
            "/api/ce/task?id=" + Uri.EscapeDataString(taskId),
            SonarQubeJson.Default.TaskAnswer,
            $"SonarQube has no Compute Engine task '{taskId}': check that report-task.txt comes from this run's scanner 'end' step "
            + $"and that --sonar-host-url ({ServerUrl}) is the server the scanner uploaded to.",
            cancellationToken).ConfigureAwait(false);
        var task = answer.Task ?? throw new SonarQubeException($"SonarQube at {ServerUrl} answered GET /api/ce/task?id={taskId} without a 'task' object; check that --sonar-host-url points at SonarQube.");
        return new CeTask(
            task.Id ?? taskId,
            ParseStatus(task.Status, taskId),
            task.ComponentKey,
            task.AnalysisId,
            task.ErrorMessage,
            task.PullRequest ?? task.Branch);
    }

    /// <summary>
    /// Polls a Compute Engine task until it finishes. Returns the task on <c>SUCCESS</c> (it carries the analysis id);
    /// throws on <c>FAILED</c> (with the server's error message), <c>CANCELED</c>, or when <paramref name="timeout"/> passes.
    /// </summary>
    /// <param name="taskId">The task id (<see cref="ReportTask.CeTaskId"/>).</param>
    /// <param name="pollInterval">The pause between polls (SonarQube suggests 2–5 s).</param>
    /// <param name="timeout">How long to wait in total.</param>
    /// <param name="progress">Told each time the task's status changes (the first poll included).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="SonarQubeException">The task failed, was cancelled or did not finish in time, or a request failed.</exception>
    public Task<CeTask> WaitForTaskAsync(string taskId, TimeSpan pollInterval, TimeSpan timeout, IProgress<CeTask>? progress = null, CancellationToken cancellationToken = default) =>
        WaitAsync(taskId, ServerUrl + "/api/ce/task?id=" + Uri.EscapeDataString(taskId), pollInterval, timeout, progress, cancellationToken);

    /// <summary>
    /// Polls the task named in a scanner's <c>report-task.txt</c> until it finishes, as
    /// <see cref="WaitForTaskAsync(string, TimeSpan, TimeSpan, IProgress{CeTask}?, CancellationToken)"/>; errors point at the report's dashboard.
    /// </summary>
    /// <param name="report">The scanner's report.</param>
    /// <param name="pollInterval">The pause between polls.</param>
    /// <param name="timeout">How long to wait in total.</param>
    /// <param name="progress">Told each time the task's status changes.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="SonarQubeException">The task failed, was cancelled or did not finish in time, or a request failed.</exception>
    public Task<CeTask> WaitForTaskAsync(ReportTask report, TimeSpan pollInterval, TimeSpan timeout, IProgress<CeTask>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lookAt = string.Join(" or ", new[] { report.DashboardUrl, report.CeTaskUrl }.OfType<Uri>().Select(u => u.AbsoluteUri).DefaultIfEmpty(ServerUrl + "/api/ce/task?id=" + Uri.EscapeDataString(report.CeTaskId)));
        return WaitAsync(report.CeTaskId, lookAt, pollInterval, timeout, progress, cancellationToken);
    }

    private async Task<CeTask> WaitAsync(string taskId, string lookAt, TimeSpan pollInterval, TimeSpan timeout, IProgress<CeTask>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var clock = Stopwatch.StartNew();
        CeTaskStatus? last = null;
        var polls = 0;
        while (true)
        {
            var task = await GetTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
            polls++;
            if (task.Status != last)
                progress?.Report(task);
            last = task.Status;
            switch (task.Status)
            {
                case CeTaskStatus.Success when task.AnalysisId is null:
                    throw new SonarQubeException($"SonarQube reports the analysis task '{taskId}' as SUCCESS but gives no analysisId, so its quality gate cannot be read. Look at {lookAt}; the server may be older than the API this SDK uses (7.x+).");
                case CeTaskStatus.Success:
                    return task;
                case CeTaskStatus.Failed:
                    throw new SonarQubeException(
                        $"SonarQube could not process the analysis of project '{task.ComponentKey}' (task '{taskId}' FAILED): {task.ErrorMessage ?? "the server gave no reason"}. "
                        + $"The report was uploaded, the server's processing failed: look at {lookAt} and the project's Background Tasks page for the details, fix the cause and run the analysis again.");
                case CeTaskStatus.Canceled:
                    throw new SonarQubeException(
                        $"SonarQube cancelled the analysis task '{taskId}' of project '{task.ComponentKey}' before it ran (an administrator cancelled it, or a newer report of the same branch replaced it). "
                        + $"Look at {lookAt}, then run the analysis again.");
            }

            var remaining = timeout - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw new SonarQubeException(
                    $"SonarQube's analysis task '{taskId}' of project '{task.ComponentKey}' was still {Wire(task.Status)} after waiting {Seconds(clock.Elapsed)} "
                    + $"({polls} polls, timeout {Seconds(timeout)}). The server's Compute Engine is busy or stuck: look at {lookAt} "
                    + "(and Administration › Projects › Background Tasks), then raise the gate's timeout or run it again.");
            }
            await Task.Delay(pollInterval < remaining ? pollInterval : remaining, cancellationToken).ConfigureAwait(false);
        }
    }

    private CeTaskStatus ParseStatus(string? status, string taskId) => status switch
    {
        "PENDING" => CeTaskStatus.Pending,
        "IN_PROGRESS" => CeTaskStatus.InProgress,
        "SUCCESS" => CeTaskStatus.Success,
        "FAILED" => CeTaskStatus.Failed,
        "CANCELED" => CeTaskStatus.Canceled,
        _ => throw new SonarQubeException($"SonarQube at {ServerUrl} reports task '{taskId}' with status '{status}', which this SDK does not know (expected PENDING, IN_PROGRESS, SUCCESS, FAILED or CANCELED). Check the server's version against SonarQube's Web API documentation."),
    };

    private static string Wire(CeTaskStatus status) => status == CeTaskStatus.InProgress ? "IN_PROGRESS" : status.ToString().ToUpperInvariant();

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    internal sealed record TaskAnswer(TaskBody? Task);

    internal sealed record TaskBody(string? Id, string? Status, string? ComponentKey, string? AnalysisId, string? ErrorMessage, string? Branch, string? PullRequest);
}
