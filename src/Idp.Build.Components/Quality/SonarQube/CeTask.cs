namespace Idp.Build.Components.Quality.SonarQube;

/// <summary>Where a Compute Engine task is: queued, running, or finished one way or another.</summary>
public enum CeTaskStatus
{
    /// <summary><c>PENDING</c>: queued.</summary>
    Pending,

    /// <summary><c>IN_PROGRESS</c>: the server is processing the report.</summary>
    InProgress,

    /// <summary><c>SUCCESS</c>: processed; the task carries the analysis id.</summary>
    Success,

    /// <summary><c>FAILED</c>: processing failed; the task carries the server's error message.</summary>
    Failed,

    /// <summary><c>CANCELED</c>: an administrator or a newer report cancelled it.</summary>
    Canceled,
}

/// <summary>A Compute Engine task as <c>GET /api/ce/task</c> reports it.</summary>
/// <param name="Id">The task id (the report's <c>ceTaskId</c>).</param>
/// <param name="Status">Where the task is.</param>
/// <param name="ComponentKey">The project key the task belongs to.</param>
/// <param name="AnalysisId">The analysis id; only once <see cref="CeTaskStatus.Success"/>.</param>
/// <param name="ErrorMessage">The server's reason; only when <see cref="CeTaskStatus.Failed"/>.</param>
/// <param name="Branch">The branch or pull-request key the task analysed, when not the main branch.</param>
public sealed record CeTask(string Id, CeTaskStatus Status, string? ComponentKey, string? AnalysisId, string? ErrorMessage, string? Branch)
{
    /// <summary>True once the task will not change any more.</summary>
    public bool IsFinished => Status is CeTaskStatus.Success or CeTaskStatus.Failed or CeTaskStatus.Canceled;
}
