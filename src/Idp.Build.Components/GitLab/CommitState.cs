namespace Idp.Build.Components.GitLab;

/// <summary>The state of a commit status (GitLab's <c>state</c> parameter).</summary>
public enum CommitState
{
    /// <summary>Queued: the stage will run.</summary>
    Pending,
    /// <summary>The stage is running.</summary>
    Running,
    /// <summary>The stage succeeded.</summary>
    Success,
    /// <summary>The stage failed.</summary>
    Failed,
    /// <summary>The stage was cancelled.</summary>
    Canceled,
    /// <summary>The stage was skipped.</summary>
    Skipped,
}
