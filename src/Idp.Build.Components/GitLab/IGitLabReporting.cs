using System.Runtime.CompilerServices;

namespace Idp.Build.Components.GitLab;

/// <summary>
/// Reports the build to GitLab: commit statuses per stage, merge-request notes, deployment records. Other components
/// call <see cref="GitLabReporter"/>; everything is optional and does nothing without <c>--gitlab-token</c>.
/// Commit statuses follow the run by themselves (<see cref="GitLabStageStatuses"/>).
/// </summary>
[ObservedBy(typeof(GitLabStageStatuses))]
public interface IGitLabReporting : IBuild
{
    /// <summary>GitLab's API v4 URL; defaults to <c>CI_API_V4_URL</c> on GitLab CI.</summary>
    [Parameter("GitLab API v4 URL, e.g. https://gitlab.example.com/api/v4 (default on GitLab CI: CI_API_V4_URL)", Name = "GitlabUrl")]
    string? GitLabUrl => TryGetValue(() => GitLabUrl) ?? (Host as GitLabCi)?.ApiV4Url;

    /// <summary>A project or group access token with the <c>api</c> scope (<c>CI_JOB_TOKEN</c> cannot post statuses or notes).</summary>
    [Parameter("GitLab project or group access token (api scope) for commit statuses, MR notes and deployment records", Name = "GitlabToken")]
    [Secret]
    string? GitLabToken => TryGetValue(() => GitLabToken);

    /// <summary>The GitLab project (numeric id or <c>group/project</c>); defaults to <c>CI_PROJECT_ID</c> on GitLab CI.</summary>
    [Parameter("GitLab project id or group/project path (default on GitLab CI: CI_PROJECT_ID)", Name = "GitlabProject")]
    string? GitLabProject => TryGetValue(() => GitLabProject) ?? (Host as GitLabCi)?.ProjectId;

    /// <summary>The reporter of this build, created on first use with the parameters above.</summary>
    GitLabReporter GitLabReporter => GitLabReporters.Of(this);
}

/// <summary>One reporter per build instance: interface members cannot hold state, so it is kept beside the build.</summary>
internal static class GitLabReporters
{
    private static readonly ConditionalWeakTable<IGitLabReporting, GitLabReporter> Reporters = [];

    public static GitLabReporter Of(IGitLabReporting build) =>
        Reporters.GetValue(build, b => new GitLabReporter(
            GitLabReporterSettings.FromHost(b.Host, b.GitLabUrl, b.GitLabToken, b.GitLabProject),
            b.Log.Information,
            b.Log.Warning));
}
