using Idp.Build.Components.Dora;

namespace Idp.Build.Components.Deploy;

public partial interface IDeploy
{
    /// <summary>
    /// Writes <c>artifacts/deploy.json</c> and records the outcome's DORA events in the outbox: a deployment
    /// (<c>deployed</c> first in the environment, else <c>upgraded</c>) when it succeeded; a failed run, plus a
    /// <c>rolledback</c> deployment of the previous image when that serves again.
    /// </summary>
    async Task RecordDeployAsync(DeployOutcome outcome)
    {
        outcome.WriteTo(ArtifactsDirectory);
        var commits = await CommitsOfAsync(outcome);
        var facts = new DeploymentFacts(outcome.Service, ServiceDescriptor.Service.Team, outcome.Environment, PackageUrl(outcome.Image),
            outcome.FinishedAt, commits, Host.Ci.PipelineUrl, DeployActor);
        var source = $"/idp-build/{outcome.Service}";
        if (outcome.Succeeded)
        {
            RecordDora(new DoraEvents(source, () => outcome.DeploymentId).Deployed(facts, firstInEnvironment: outcome.Previous is null));
            return;
        }
        RecordDora(new DoraEvents(source, () => outcome.DeploymentId).DeployFailed(facts, outcome.DeploymentId, outcome.Error));
        if (outcome.RolledBack && outcome.Previous is { } previous)
            RecordDora(new DoraEvents(source).RolledBack(facts with { ArtifactId = PackageUrl(previous.Image), Commits = [] }, rollbackOf: outcome.DeploymentId));
    }

    /// <summary>Records a rollback (started by hand) to <paramref name="restoredImage"/>, away from the deployment <paramref name="rolledBackFrom"/>.</summary>
    void RecordRollback(string environment, string restoredImage, string? rolledBackFrom)
    {
        var service = ServiceDescriptor.Service;
        var facts = new DeploymentFacts(service.Name, service.Team, environment, PackageUrl(restoredImage), DateTimeOffset.UtcNow, [],
            Host.Ci.PipelineUrl, DeployActor);
        RecordDora(new DoraEvents($"/idp-build/{service.Name}").RolledBack(facts, rolledBackFrom ?? "unknown"));
    }

    private async Task<IReadOnlyList<CommitInfo>> CommitsOfAsync(DeployOutcome outcome)
    {
        if (outcome.Commit is null)
            return [];
        var range = await GitCommitRange.ListAsync(RootDirectory, outcome.Commit, outcome.Previous?.Commit);
        if (range.Note is not null)
            Log.Information($"DORA lead time: {range.Note}");
        return range.Commits;
    }

    /// <summary>Who deploys: <c>IDP_ACTOR</c> (the CI templates set it to the person who started the job), else this machine's user.</summary>
    private string DeployActor => Environment.GetEnvironmentVariable("IDP_ACTOR") ?? Environment.UserName;

    /// <summary><c>pkg:oci/&lt;name&gt;@sha256:…?repository_url=&lt;registry/repository&gt;</c> for an image by digest.</summary>
    static string PackageUrl(string imageByDigest)
    {
        var at = imageByDigest.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
            return $"pkg:oci/{imageByDigest[(imageByDigest.LastIndexOf('/') + 1)..]}";
        var repository = imageByDigest[..at];
        var name = repository[(repository.LastIndexOf('/') + 1)..];
        return $"pkg:oci/{name}@{imageByDigest[(at + 1)..]}?repository_url={Uri.EscapeDataString(repository)}";
    }
}
