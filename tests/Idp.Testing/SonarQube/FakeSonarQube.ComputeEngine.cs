using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Idp.Testing.SonarQube;

// GET /api/ce/task: each poll of a task moves it one step along its script and stays on the last step.
public sealed partial class FakeSonarQube
{
    private static readonly HashSet<string> TaskStatuses = ["PENDING", "IN_PROGRESS", "SUCCESS", "FAILED", "CANCELED"];
    private readonly Dictionary<string, TaskScript> _tasks = new(StringComparer.Ordinal);
    private int _nextId;

    /// <summary>
    /// Adds a Compute Engine task that answers its polls with <paramref name="statuses"/> in order, then repeats the
    /// last one (a script ending in PENDING never finishes). Its analysis id is reported only once SUCCESS is reached.
    /// </summary>
    /// <param name="projectKey">The project the task belongs to.</param>
    /// <param name="statuses">PENDING, IN_PROGRESS, SUCCESS, FAILED or CANCELED, in poll order.</param>
    /// <param name="errorMessage">What a FAILED task reports.</param>
    /// <param name="branch">The branch analysed, when not the main branch.</param>
    public FakeCeTask AddTask(string projectKey, IEnumerable<string> statuses, string? errorMessage = null, string? branch = null)
    {
        var script = statuses.ToArray();
        if (script.Length == 0 || script.Any(s => !TaskStatuses.Contains(s)))
            throw new ArgumentException($"A task script is a non-empty list of {string.Join(", ", TaskStatuses)}; got [{string.Join(", ", script)}].", nameof(statuses));
        lock (_gate)
        {
            var number = ++_nextId;
            var task = new FakeCeTask($"AYfake-task-{number:D4}", projectKey, $"AYfake-analysis-{number:D4}");
            _tasks[task.TaskId] = new TaskScript(task, script, errorMessage ?? "Fake SonarQube: scripted failure", branch);
            return task;
        }
    }

    /// <summary>How often the task was polled so far.</summary>
    public int PollsOf(FakeCeTask task)
    {
        lock (_gate)
            return _tasks[task.TaskId].Polls;
    }

    private Answer ComputeEngineTask(IQueryCollection query)
    {
        var id = query["id"].ToString();
        if (id.Length == 0)
            return Answer.Errors(400, "The 'id' parameter is missing");
        lock (_gate)
        {
            if (!_tasks.TryGetValue(id, out var script))
                return Answer.Errors(404, $"No activity found for task '{id}'");
            var status = script.Statuses[Math.Min(script.Polls, script.Statuses.Length - 1)];
            script.Polls++;
            if (status == "SUCCESS")
                _analyses.TryAdd(script.Task.AnalysisId, script.Task.ProjectKey);
            var submitted = new DateTimeOffset(2025, 5, 25, 10, 34, 21, TimeSpan.FromHours(2));
            return Answer.JsonOf(200, new
            {
                task = new
                {
                    id,
                    type = "REPORT",
                    componentId = "AYfake-component",
                    componentKey = script.Task.ProjectKey,
                    componentName = script.Task.ProjectKey,
                    componentQualifier = "TRK",
                    analysisId = status == "SUCCESS" ? script.Task.AnalysisId : null,
                    status,
                    submittedAt = Timestamp(submitted),
                    submitterLogin = "ci",
                    startedAt = status == "PENDING" ? null : Timestamp(submitted.AddSeconds(1)),
                    executedAt = status is "SUCCESS" or "FAILED" ? Timestamp(submitted.AddSeconds(3)) : null,
                    executionTimeMs = status is "SUCCESS" or "FAILED" ? 2840 : (int?)null,
                    errorMessage = status == "FAILED" ? script.ErrorMessage : null,
                    errorType = status == "FAILED" ? "GENERIC" : null,
                    hasErrorStacktrace = status == "FAILED" ? true : (bool?)null,
                    hasScannerContext = true,
                    branch = script.Branch,
                    branchType = script.Branch is null ? null : "BRANCH",
                    warningCount = 0,
                    warnings = Array.Empty<string>(),
                },
            });
        }

        // SonarQube's format: 2023-05-25T10:34:21+0200 (no colon in the offset).
        static string Timestamp(DateTimeOffset at) =>
            at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + (at.Offset < TimeSpan.Zero ? "-" : "+") + at.Offset.ToString("hhmm", CultureInfo.InvariantCulture);
    }

    private sealed class TaskScript(FakeCeTask task, string[] statuses, string errorMessage, string? branch)
    {
        public FakeCeTask Task { get; } = task;
        public string[] Statuses { get; } = statuses;
        public string ErrorMessage { get; } = errorMessage;
        public string? Branch { get; } = branch;
        public int Polls { get; set; }
    }
}

/// <summary>A scripted Compute Engine task: its id (the report's <c>ceTaskId</c>), project, and the analysis id SUCCESS reports.</summary>
public sealed record FakeCeTask(string TaskId, string ProjectKey, string AnalysisId);
