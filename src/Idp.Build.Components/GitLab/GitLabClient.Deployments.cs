namespace Idp.Build.Components.GitLab;

// Environments (GET/POST/PUT /projects/:id/environments) and deployments (POST/PUT /projects/:id/deployments).
public sealed partial class GitLabClient
{
    /// <summary>The environment called <paramref name="name"/>, or null when the project has none by that name.</summary>
    public async Task<GitLabEnvironment?> FindEnvironmentAsync(string projectId, string name, CancellationToken cancellationToken = default)
    {
        await foreach (var environment in PagesAsync<GitLabEnvironment>($"/projects/{Project(projectId)}/environments?name={Uri.EscapeDataString(name)}", cancellationToken).ConfigureAwait(false))
        {
            if (environment.Name == name)
                return environment;
        }
        return null;
    }

    /// <summary>Creates an environment.</summary>
    public Task<GitLabEnvironment> CreateEnvironmentAsync(string projectId, string name, string? externalUrl, EnvironmentTier tier, CancellationToken cancellationToken = default) =>
        SendAsync<GitLabEnvironment>(HttpMethod.Post, $"/projects/{Project(projectId)}/environments", new EnvironmentRequest(name, externalUrl, Tier(tier)), cancellationToken);

    /// <summary>Changes an environment's URL and tier (GitLab does not allow renaming).</summary>
    public Task<GitLabEnvironment> UpdateEnvironmentAsync(string projectId, long environmentId, string? externalUrl, EnvironmentTier tier, CancellationToken cancellationToken = default) =>
        SendAsync<GitLabEnvironment>(HttpMethod.Put, $"/projects/{Project(projectId)}/environments/{environmentId}", new EnvironmentRequest(null, externalUrl, Tier(tier)), cancellationToken);

    /// <summary>Records a deployment of <paramref name="sha"/> to <paramref name="environment"/> (GitLab creates the environment if needed).</summary>
    public Task<GitLabDeployment> CreateDeploymentAsync(string projectId, string environment, string sha, string reference, bool isTag, DeploymentStatus status, CancellationToken cancellationToken = default) =>
        SendAsync<GitLabDeployment>(HttpMethod.Post, $"/projects/{Project(projectId)}/deployments",
            new DeploymentRequest(environment, sha, reference, isTag, Status(status)), cancellationToken);

    /// <summary>Moves a deployment record to its final status.</summary>
    public Task<GitLabDeployment> UpdateDeploymentAsync(string projectId, long deploymentId, DeploymentStatus status, CancellationToken cancellationToken = default) =>
        SendAsync<GitLabDeployment>(HttpMethod.Put, $"/projects/{Project(projectId)}/deployments/{deploymentId}", new DeploymentUpdate(Status(status)), cancellationToken);

    private static string Tier(EnvironmentTier tier) => tier.ToString().ToLowerInvariant();

    private static string Status(DeploymentStatus status) => status.ToString().ToLowerInvariant();

    private sealed record EnvironmentRequest(string? Name, string? ExternalUrl, string Tier);

    private sealed record DeploymentRequest(string Environment, string Sha, string Ref, bool Tag, string Status);

    private sealed record DeploymentUpdate(string Status);
}
