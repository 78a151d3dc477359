namespace Idp.Build.Components.GitLab;

/// <summary>A commit status as GitLab returns it (<c>POST /projects/:id/statuses/:sha</c>).</summary>
/// <param name="Id">GitLab's id of the status.</param>
/// <param name="Sha">The commit.</param>
/// <param name="Ref">The branch or tag, if given.</param>
/// <param name="Status">pending, running, success, failed, canceled or skipped.</param>
/// <param name="Name">The status name, e.g. <c>idp/Test</c>.</param>
/// <param name="TargetUrl">The link shown with the status.</param>
/// <param name="Description">The text shown with the status.</param>
public sealed record CommitStatus(long Id, string Sha, string? Ref, string Status, string Name, string? TargetUrl, string? Description);

/// <summary>A note (comment) on a merge request.</summary>
/// <param name="Id">GitLab's id of the note.</param>
/// <param name="Body">Its markdown.</param>
/// <param name="System">True for notes GitLab itself writes (e.g. "added 1 commit").</param>
public sealed record MergeRequestNote(long Id, string Body, bool System);

/// <summary>An environment of a project.</summary>
/// <param name="Id">GitLab's id of the environment.</param>
/// <param name="Name">Its name, e.g. <c>production</c>.</param>
/// <param name="ExternalUrl">Where the deployed service answers.</param>
/// <param name="State">available or stopped.</param>
/// <param name="Tier">production, staging, testing, development or other.</param>
public sealed record GitLabEnvironment(long Id, string Name, string? ExternalUrl, string? State, string? Tier);

/// <summary>A deployment record of a project.</summary>
/// <param name="Id">GitLab's id of the deployment.</param>
/// <param name="Iid">Its number within the project.</param>
/// <param name="Ref">The branch or tag deployed.</param>
/// <param name="Sha">The commit deployed.</param>
/// <param name="Status">running, success, failed or canceled.</param>
/// <param name="Environment">The environment deployed to.</param>
public sealed record GitLabDeployment(long Id, long Iid, string Ref, string Sha, string Status, GitLabEnvironment? Environment);

/// <summary>The status of a deployment record.</summary>
public enum DeploymentStatus
{
    /// <summary>The deploy has started.</summary>
    Running,
    /// <summary>The deploy finished and the service is live.</summary>
    Success,
    /// <summary>The deploy failed (and was rolled back).</summary>
    Failed,
    /// <summary>The deploy was cancelled.</summary>
    Canceled,
}

/// <summary>GitLab's environment tiers (<c>deployment_tier</c>); DORA counts <see cref="Production"/> deploys.</summary>
public enum EnvironmentTier
{
    /// <summary>Production.</summary>
    Production,
    /// <summary>Staging.</summary>
    Staging,
    /// <summary>Testing.</summary>
    Testing,
    /// <summary>Development.</summary>
    Development,
    /// <summary>Anything else.</summary>
    Other,
}
