namespace Idp.Build.Components.GitLab;

/// <summary>What <see cref="GitLabReporter"/> needs to know about GitLab and the run; null where nothing was given.</summary>
/// <param name="ApiUrl">The API v4 base URL, e.g. <c>https://gitlab.example.com/api/v4</c>.</param>
/// <param name="Token">A project or group access token.</param>
/// <param name="ProjectId">Numeric id or <c>group/project</c> path.</param>
/// <param name="CommitSha">The commit the statuses go on.</param>
/// <param name="Ref">The branch or tag.</param>
/// <param name="RefIsTag">True when <paramref name="Ref"/> is a tag.</param>
/// <param name="MergeRequestIid">The merge request the notes go on.</param>
/// <param name="TargetUrl">The link shown with the statuses (the job or build).</param>
/// <param name="JobRecordsDeployments">True in a GitLab job with <c>environment:</c>: GitLab records that deploy itself.</param>
public sealed record GitLabReporterSettings(
    string? ApiUrl,
    string? Token,
    string? ProjectId,
    string? CommitSha,
    string? Ref,
    bool RefIsTag,
    long? MergeRequestIid,
    string? TargetUrl,
    bool JobRecordsDeployments)
{
    /// <summary>
    /// Settings for a run on <paramref name="host"/>: the given values win, else the GitLab CI variables
    /// (<c>CI_API_V4_URL</c>, <c>CI_PROJECT_ID</c>, <c>CI_JOB_URL</c>, <c>CI_ENVIRONMENT_NAME</c>); on Jenkins and on a
    /// terminal the URL and project must be given.
    /// </summary>
    public static GitLabReporterSettings FromHost(Host host, string? apiUrl, string? token, string? projectId)
    {
        ArgumentNullException.ThrowIfNull(host);
        var gitLab = host as GitLabCi;
        return new GitLabReporterSettings(
            ApiUrl: apiUrl ?? gitLab?.ApiV4Url,
            Token: string.IsNullOrWhiteSpace(token) ? null : token,
            ProjectId: projectId ?? gitLab?.ProjectId,
            CommitSha: host.Ci.CommitSha,
            Ref: gitLab?.CommitTag ?? host.Ci.Branch,
            RefIsTag: gitLab?.CommitTag is not null,
            MergeRequestIid: long.TryParse(host.Ci.MergeRequestId, out var iid) ? iid : null,
            TargetUrl: gitLab?.JobUrl ?? host.Ci.PipelineUrl,
            JobRecordsDeployments: gitLab?.EnvironmentName is not null);
    }

    /// <summary>Why reporting cannot happen with these settings, or null when it can.</summary>
    public string? MissingReason()
    {
        if (Token is null)
            return "no --gitlab-token given (a project or group access token with the api scope; CI_JOB_TOKEN cannot post statuses or notes)";
        var missing = new List<string>();
        if (ApiUrl is null)
            missing.Add("--gitlab-url (the API v4 URL; set by GitLab CI as CI_API_V4_URL)");
        else if (!Uri.TryCreate(ApiUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            missing.Add($"a valid --gitlab-url ('{ApiUrl}' is not an absolute http(s) URL like https://gitlab.example.com/api/v4)");
        if (ProjectId is null)
            missing.Add("--gitlab-project (the project id or path; set by GitLab CI as CI_PROJECT_ID)");
        if (CommitSha is null)
            missing.Add("the commit SHA (CI_COMMIT_SHA on GitLab, GIT_COMMIT on Jenkins)");
        return missing.Count == 0 ? null : "missing " + string.Join(", ", missing);
    }

    /// <summary>The token is a secret: keep it out of logs and exception messages that print the record.</summary>
    public override string ToString() =>
        $"GitLabReporterSettings {{ ApiUrl = {ApiUrl}, Token = {(Token is null ? "none" : "***")}, ProjectId = {ProjectId}, CommitSha = {CommitSha}, Ref = {Ref}, MergeRequestIid = {MergeRequestIid} }}";
}
