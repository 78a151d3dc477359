namespace Idp.Build;

/// <summary>Where a target stands in a run.</summary>
public enum TargetStatus
{
    /// <summary>Not part of the plan.</summary>
    None,
    /// <summary>In the plan, waiting to run.</summary>
    Scheduled,
    /// <summary>Running now.</summary>
    Running,
    /// <summary>Ran and succeeded.</summary>
    Succeeded,
    /// <summary>Has no actions; it only groups its dependencies.</summary>
    Collective,
    /// <summary>Not run because of a condition, <c>--skip</c>, <c>--continue</c> or because it was up to date.</summary>
    Skipped,
    /// <summary>Ran and failed.</summary>
    Failed,
    /// <summary>Interrupted (Ctrl+C) while running.</summary>
    Aborted,
    /// <summary>Never started because the build failed first, or a dependency failed.</summary>
    NotRun,
}
