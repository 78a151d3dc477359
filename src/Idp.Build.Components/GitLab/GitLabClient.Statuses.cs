using System.Net;

namespace Idp.Build.Components.GitLab;

// Commit statuses: POST /projects/:id/statuses/:sha, GET /projects/:id/repository/commits/:sha/statuses.
public sealed partial class GitLabClient
{
    /// <summary>
    /// Sets the commit status <paramref name="name"/> on <paramref name="sha"/>. Returns null when GitLab answers that
    /// the status is already in that state ("Cannot transition status"), which a re-run or a repeated call causes.
    /// </summary>
    /// <param name="projectId">Numeric id or <c>group/project</c> path.</param>
    /// <param name="sha">The commit.</param>
    /// <param name="state">The new state.</param>
    /// <param name="name">The status name, e.g. <c>idp/Test</c>.</param>
    /// <param name="reference">The branch or tag (GitLab's <c>ref</c>), or null.</param>
    /// <param name="targetUrl">A link to the job or build, or null.</param>
    /// <param name="description">A short text (at most 255 characters are kept), or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<CommitStatus?> SetCommitStatusAsync(
        string projectId, string sha, CommitState state, string name,
        string? reference = null, string? targetUrl = null, string? description = null, CancellationToken cancellationToken = default)
    {
        var path = $"/projects/{Project(projectId)}/statuses/{Uri.EscapeDataString(sha)}";
        var body = new StatusRequest(state.ToString().ToLowerInvariant(), name, Limit(reference), Limit(targetUrl), Limit(description));
        using var response = await SendRawAsync(HttpMethod.Post, path, Body(body, GitLabJson.Default.StatusRequest), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (text.Contains("Cannot transition status", StringComparison.Ordinal))
                return null;
            throw new GitLabApiException(HttpMethod.Post, path, response.StatusCode, text);
        }
        return await ReadAsync(HttpMethod.Post, path, response, GitLabJson.Default.CommitStatus, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every status of a commit, all pages.</summary>
    public IAsyncEnumerable<CommitStatus> ListCommitStatusesAsync(string projectId, string sha, CancellationToken cancellationToken = default) =>
        PagesAsync($"/projects/{Project(projectId)}/repository/commits/{Uri.EscapeDataString(sha)}/statuses", GitLabJson.Default.ListCommitStatus, cancellationToken);

    private static string? Limit(string? value) => value is { Length: > 255 } ? value[..254] + "…" : value;

    internal sealed record StatusRequest(string State, string Name, string? Ref, string? TargetUrl, string? Description);
}
