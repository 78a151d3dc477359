namespace Idp.Build.Components.Deploy.Kubernetes;

/// <summary>What a rollback did.</summary>
public enum RollbackOutcome
{
    /// <summary>The Deployment's template was restored from an earlier revision; the controller rolls it out as a new revision.</summary>
    RolledBack,

    /// <summary>There is no earlier revision (a first deploy): nothing to go back to.</summary>
    NoHistory,

    /// <summary>The Deployment already runs the earlier revision's template; nothing was changed.</summary>
    AlreadyMatches,
}

/// <summary>The result of <c>KubernetesDeployer.RollbackAsync</c>.</summary>
/// <param name="Outcome">Rolled back, no history, or already matching.</param>
/// <param name="FromRevision">The revision that was current before.</param>
/// <param name="ToRevision">The revision whose template was restored (0 when there was none).</param>
/// <param name="Image">The first container's image of the restored template, when one was found.</param>
/// <param name="Message">kubectl's wording: <c>rolled back</c>, <c>no rollout history found</c>, <c>skipped rollback (current template already matches revision N)</c>.</param>
public sealed record RollbackResult(RollbackOutcome Outcome, long FromRevision, long ToRevision, string? Image, string Message);
