namespace Idp.Build.Components.Deploy.Kubernetes;

/// <summary>How a wait for a rollout ended.</summary>
public enum RolloutOutcome
{
    /// <summary>The rollout finished: <c>successfully rolled out</c>.</summary>
    Complete,

    /// <summary>The cluster reported the rollout failed (<c>ProgressDeadlineExceeded</c>).</summary>
    Failed,

    /// <summary>The rollout did not finish within the timeout (from <c>idp.yaml</c>'s <c>deploy.timeout</c>).</summary>
    TimedOut,
}

/// <summary>The end of a rollout wait.</summary>
/// <param name="Outcome">Complete, failed or timed out.</param>
/// <param name="Message">The last status line, e.g. <c>deployment "web" exceeded its progress deadline</c>.</param>
/// <param name="Revision">The Deployment's revision when the wait ended (0 when unknown).</param>
/// <param name="Image">The first container's image in the Deployment's template when the wait ended.</param>
public sealed record RolloutResult(RolloutOutcome Outcome, string Message, long Revision, string? Image)
{
    /// <summary>True when the rollout completed.</summary>
    public bool Succeeded => Outcome == RolloutOutcome.Complete;
}
