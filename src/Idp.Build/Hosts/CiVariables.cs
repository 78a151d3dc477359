namespace Idp.Build;

/// <summary>What every CI host tells the build about the run, in one typed shape; null where the host does not say.</summary>
/// <param name="CommitSha">The commit being built.</param>
/// <param name="CommitTimestamp">When that commit was made (GitLab gives it; elsewhere read it from git).</param>
/// <param name="Branch">The branch, without a remote prefix.</param>
/// <param name="PipelineUrl">A link to this pipeline or build.</param>
/// <param name="MergeRequestId">The merge/pull request number when the run is for one.</param>
/// <param name="JobToken">The job's token (a secret: registered with the masker).</param>
public sealed record CiVariables(
    string? CommitSha,
    DateTimeOffset? CommitTimestamp,
    string? Branch,
    string? PipelineUrl,
    string? MergeRequestId,
    string? JobToken)
{
    /// <summary>No CI variables: a local run.</summary>
    public static CiVariables None { get; } = new(null, null, null, null, null, null);
}
