using System.Collections.Concurrent;

namespace Idp.Build.Components.GitLab;

// Deployment records for deploys GitLab does not see (Jenkins, a terminal), so its environment view stays true.
public sealed partial class GitLabReporter
{
    private readonly ConcurrentDictionary<string, long> _deploymentIds = new(StringComparer.Ordinal);

    /// <summary>
    /// Records a deploy to <paramref name="environment"/>: <see cref="DeploymentStatus.Running"/> when it starts (the
    /// environment is created or its URL and tier updated), then the final status. Does nothing inside a GitLab job
    /// with <c>environment:</c>, where GitLab records the deployment itself.
    /// </summary>
    /// <param name="environment">The environment name, e.g. <c>production</c>.</param>
    /// <param name="status">Where the deploy stands.</param>
    /// <param name="url">Where the service answers after the deploy, or null.</param>
    /// <param name="tier">The environment's tier.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public Task ReportDeploymentAsync(string environment, DeploymentStatus status, string? url = null, EnvironmentTier tier = EnvironmentTier.Other, CancellationToken cancellationToken = default)
    {
        if (IsEnabled && _settings.JobRecordsDeployments)
            return Task.CompletedTask;
        return Guard($"record the {status} deployment to {environment}", client => RecordAsync(client, environment, status, url, tier, cancellationToken));
    }

    private async Task RecordAsync(GitLabClient client, string environment, DeploymentStatus status, string? url, EnvironmentTier tier, CancellationToken cancellationToken)
    {
        var project = _settings.ProjectId!;
        if (_settings.Ref is null)
            throw new InvalidOperationException("no branch or tag is known for this run (GitLab needs one for a deployment record)");
        if (status == DeploymentStatus.Running || !_deploymentIds.ContainsKey(environment))
            await EnsureEnvironmentAsync(client, project, environment, url, tier, cancellationToken).ConfigureAwait(false);

        if (status != DeploymentStatus.Running && _deploymentIds.TryRemove(environment, out var id))
        {
            await client.UpdateDeploymentAsync(project, id, status, cancellationToken).ConfigureAwait(false);
            return;
        }
        var created = await client.CreateDeploymentAsync(project, environment, _settings.CommitSha!, _settings.Ref, _settings.RefIsTag, status, cancellationToken).ConfigureAwait(false);
        if (status == DeploymentStatus.Running)
            _deploymentIds[environment] = created.Id;
    }

    private static async Task EnsureEnvironmentAsync(GitLabClient client, string project, string name, string? url, EnvironmentTier tier, CancellationToken cancellationToken)
    {
        var tierName = tier.ToString().ToLowerInvariant();
        var existing = await client.FindEnvironmentAsync(project, name, cancellationToken).ConfigureAwait(false);
        if (existing is null)
            await client.CreateEnvironmentAsync(project, name, url, tier, cancellationToken).ConfigureAwait(false);
        else if ((url is not null && existing.ExternalUrl != url) || existing.Tier != tierName)
            await client.UpdateEnvironmentAsync(project, existing.Id, url ?? existing.ExternalUrl, tier, cancellationToken).ConfigureAwait(false);
    }
}
