namespace Idp.Build.Components.Dora;

/// <summary>What the pipeline knows about a deployment when it emits its DORA event.</summary>
/// <param name="Service">The service (idp.yaml name).</param>
/// <param name="Team">The owning team.</param>
/// <param name="Environment">The environment id, e.g. <c>production</c>.</param>
/// <param name="ArtifactId">The deployed image as a package URL: <c>pkg:oci/&lt;name&gt;@sha256:…</c>.</param>
/// <param name="FinishedAt">When the deploy finished (or failed).</param>
/// <param name="Commits">Commits new in this deploy (<see cref="GitCommitRange"/>).</param>
/// <param name="PipelineUrl">A link to the pipeline run.</param>
/// <param name="Actor">Who or what started it.</param>
public sealed record DeploymentFacts(
    string Service, string? Team, string Environment, string ArtifactId, DateTimeOffset FinishedAt,
    IReadOnlyList<CommitInfo> Commits, string? PipelineUrl = null, string? Actor = null);

/// <summary>
/// Builds the events of the project's DORA profile (CDEvents 0.5.1). Each event gets a new id; <paramref name="source"/>
/// names the emitter (e.g. <c>/idp-build/hello-service</c>), and (source, id) is what the endpoint deduplicates on.
/// </summary>
public sealed class DoraEvents(string source, Func<string>? newId = null, TimeProvider? clock = null)
{
    /// <summary>The CDEvents spec version written into every event.</summary>
    public const string SpecVersion = "0.5.1";

    private readonly Func<string> _newId = newId ?? (() => Guid.NewGuid().ToString());
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>A successful deployment: <c>service.deployed</c> when it is the service's first in the environment, else <c>service.upgraded</c>.</summary>
    public CdEvent Deployed(DeploymentFacts facts, bool firstInEnvironment) =>
        Service(firstInEnvironment ? "service.deployed" : "service.upgraded", facts, rollbackOf: null);

    /// <summary>A rollback (itself a deployment) away from the deployment with id <paramref name="rollbackOf"/>.</summary>
    public CdEvent RolledBack(DeploymentFacts facts, string rollbackOf) => Service("service.rolledback", facts, rollbackOf);

    /// <summary>A failed deploy attempt: <c>pipelinerun.finished</c> with outcome <c>failure</c>.</summary>
    public CdEvent DeployFailed(DeploymentFacts facts, string runId, string? error = null) => Create(
        "pipelinerun.finished", facts.FinishedAt, runId,
        new PipelineRunContent("deploy", facts.PipelineUrl, "failure", error),
        new FailedDeployData(facts.Service, facts.Team, facts.Environment, facts.Commits));

    /// <summary>An incident was detected (timestamp = when it started).</summary>
    public CdEvent IncidentDetected(string incidentId, string service, string? team, string environment, DateTimeOffset at,
        string? deploymentId = null, string? rootCauseSha = null, string? description = null) => Create(
        "incident.detected", at, incidentId, new IncidentContent(new EnvironmentRef(environment), description),
        new IncidentData(service, team, deploymentId, rootCauseSha));

    /// <summary>An incident was resolved (timestamp = when); the last resolution counts.</summary>
    public CdEvent IncidentResolved(string incidentId, string service, string? team, string environment, DateTimeOffset at) => Create(
        "incident.resolved", at, incidentId, new IncidentContent(new EnvironmentRef(environment), null),
        new IncidentData(service, team, null, null));

    private CdEvent Service(string kind, DeploymentFacts facts, string? rollbackOf) => Create(
        kind, facts.FinishedAt, facts.Service,
        new ServiceContent(new EnvironmentRef(facts.Environment), facts.ArtifactId),
        new DeploymentData(facts.Service, facts.Team, facts.Commits, facts.PipelineUrl, facts.Actor, rollbackOf));

    private CdEvent Create(string kind, DateTimeOffset at, string subjectId, object content, object customData) => new(
        new CdEventContext(SpecVersion, _newId(), source, $"dev.cdevents.{kind}.0.3.0", at == default ? _clock.GetUtcNow() : at),
        new CdEventSubject(subjectId, source, content),
        customData);
}
