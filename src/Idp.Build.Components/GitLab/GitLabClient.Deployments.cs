namespace Idp.Build.Components.GitLab;

// Environments (GET/POST/PUT /projects/:id/environments) and deployments (POST/PUT /projects/:id/deployments).
public sealed partial class GitLabClient
{
    /// <summary>The environment called <paramref name="name"/>, or null when the project has none by that name.</summary>
    public async Task<GitLabEnvironment?> FindEnvironmentAsync(string projectId, string name, CancellationToken cancellationToken = default)
    {
        await foreach (var environment in PagesAsync($"/projects/{Project(projectId)}/environments?name={Uri.EscapeDataString(name)}", GitLabJson.Default.ListGitLabEnvironment, cancellationToken).ConfigureAwait(false))
        {
            if (environment.Name == name)
                return environment;
        }
        return null;
    }

    /// <summary>Creates an environment.</summary>
    public Task<GitLabEnvironment> CreateEnvironmentAsync(string projectId, string name, string? externalUrl, EnvironmentTier tier, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"/projects/{Project(projectId)}/environments", Body(new EnvironmentRequest(name, externalUrl, Tier(tier)), GitLabJson.Default.EnvironmentRequest), GitLabJson.Default.GitLabEnvironment, cancellationToken);

    /// <summary>Changes an environment's URL and tier (GitLab does not allow renaming).</summary>
    public Task<GitLabEnvironment> UpdateEnvironmentAsync(string projectId, long environmentId, string? externalUrl, EnvironmentTier tier, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"/projects/{Project(projectId)}/environments/{environmentId}", Body(new EnvironmentRequest(null, externalUrl, Tier(tier)), GitLabJson.Default.EnvironmentRequest), GitLabJson.Default.GitLabEnvironment, cancellationToken);

    /// <summary>Records a deployment of <paramref name="sha"/> to <paramref name="environment"/> (GitLab creates the environment if needed).</summary>
    public Task<GitLabDeployment> CreateDeploymentAsync(string projectId, string environment, string sha, string reference, bool isTag, DeploymentStatus status, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"/projects/{Project(projectId)}/deployments",
            Body(new DeploymentRequest(environment, sha, reference, isTag, Status(status)), GitLabJson.Default.DeploymentRequest), GitLabJson.Default.GitLabDeployment, cancellationToken);

    /// <summary>Moves a deployment record to its final status.</summary>
    public Task<GitLabDeployment> UpdateDeploymentAsync(string projectId, long deploymentId, DeploymentStatus status, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"/projects/{Project(projectId)}/deployments/{deploymentId}", Body(new DeploymentUpdate(Status(status)), GitLabJson.Default.DeploymentUpdate), GitLabJson.Default.GitLabDeployment, cancellationToken);

    private static string Tier(EnvironmentTier tier) => tier.ToString().ToLowerInvariant();

    private static string Status(DeploymentStatus status) => status.ToString().ToLowerInvariant();

    internal sealed record EnvironmentRequest(string? Name, string? ExternalUrl, string Tier);

    internal sealed record DeploymentRequest(string Environment, string Sha, string Ref, bool Tag, string Status);

    internal sealed record DeploymentUpdate(string Status);
}
