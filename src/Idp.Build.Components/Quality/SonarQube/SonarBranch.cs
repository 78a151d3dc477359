namespace Idp.Build.Components.Quality.SonarQube;

/// <summary>
/// What the analysis is of, for the scanner's branch and merge-request parameters: a branch
/// (<c>sonar.branch.name</c>) or a merge request (<c>sonar.pullrequest.key</c>, <c>.branch</c>, <c>.base</c>).
/// Create one with <see cref="ForBranch"/>, <see cref="ForMergeRequest"/> or <see cref="FromCi"/>.
/// </summary>
/// <param name="BranchName">The branch analysed; for a merge request, its source branch.</param>
/// <param name="MergeRequestKey">The merge-request number; null for a branch analysis.</param>
/// <param name="TargetBranch">The branch the merge request targets; null for a branch analysis.</param>
public sealed record SonarBranch(string BranchName, string? MergeRequestKey, string? TargetBranch)
{
    /// <summary>True for a merge-request analysis.</summary>
    public bool IsMergeRequest => MergeRequestKey is not null;

    /// <summary>A branch analysis.</summary>
    public static SonarBranch ForBranch(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new SonarBranch(name, null, null);
    }

    /// <summary>A merge-request analysis.</summary>
    public static SonarBranch ForMergeRequest(string key, string sourceBranch, string targetBranch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceBranch);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetBranch);
        return new SonarBranch(sourceBranch, key, targetBranch);
    }

    /// <summary>
    /// From the CI host's variables: a merge request when the host names one and its target branch (GitLab:
    /// <c>GitLabCi.MergeRequestTargetBranch</c>), else the branch, else null (a local run: the server's main branch).
    /// </summary>
    /// <param name="ci">The host's CI variables (<c>Host.Ci</c>).</param>
    /// <param name="targetBranch">The merge request's target branch, when the host gives one.</param>
    public static SonarBranch? FromCi(CiVariables ci, string? targetBranch)
    {
        ArgumentNullException.ThrowIfNull(ci);
        if (string.IsNullOrEmpty(ci.Branch))
            return null;
        return !string.IsNullOrEmpty(ci.MergeRequestId) && !string.IsNullOrEmpty(targetBranch)
            ? ForMergeRequest(ci.MergeRequestId, ci.Branch, targetBranch)
            : ForBranch(ci.Branch);
    }
}
