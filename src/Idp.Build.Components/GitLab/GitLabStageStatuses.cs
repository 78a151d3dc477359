namespace Idp.Build.Components.GitLab;

/// <summary>
/// Mirrors the run as GitLab commit statuses named <c>idp/&lt;target&gt;</c>: pending when planned, running,
/// then success/failed/skipped/canceled. Attached to every build with <see cref="IGitLabReporting"/>; without a
/// token it does nothing.
/// </summary>
public sealed class GitLabStageStatuses : IBuildObserver
{
    public async Task OnPlannedAsync(IBuild build, IReadOnlyList<TargetSnapshot> plan)
    {
        if (Reporter(build) is not { IsEnabled: true } reporter)
            return;
        foreach (var target in plan.Where(t => t.Status == TargetStatus.Scheduled))
            await reporter.ReportStageAsync(target.Name, CommitState.Pending);
    }

    public Task OnTargetStartedAsync(IBuild build, TargetSnapshot target) =>
        Reporter(build) is { IsEnabled: true } reporter ? reporter.ReportStageAsync(target.Name, CommitState.Running) : Task.CompletedTask;

    public Task OnTargetFinishedAsync(IBuild build, TargetSnapshot target) =>
        Reporter(build) is { IsEnabled: true } reporter && Final(target.Status) is { } state
            ? reporter.ReportStageAsync(target.Name, state, target.Note)
            : Task.CompletedTask;

    // Targets that never started (skipped up front, or not run after a failure) still leave "pending" behind.
    public async Task OnBuildFinishedAsync(IBuild build, IReadOnlyList<TargetSnapshot> plan, bool succeeded)
    {
        if (Reporter(build) is not { IsEnabled: true } reporter)
            return;
        foreach (var target in plan.Where(t => t.Status is TargetStatus.NotRun or TargetStatus.Skipped))
            await reporter.ReportStageAsync(target.Name, Final(target.Status)!.Value, target.Note);
    }

    private static GitLabReporter? Reporter(IBuild build) => (build as IGitLabReporting)?.GitLabReporter;

    private static CommitState? Final(TargetStatus status) => status switch
    {
        TargetStatus.Succeeded or TargetStatus.Collective => CommitState.Success,
        TargetStatus.Failed => CommitState.Failed,
        TargetStatus.Skipped => CommitState.Skipped,
        TargetStatus.NotRun or TargetStatus.Aborted => CommitState.Canceled,
        _ => null,
    };
}
