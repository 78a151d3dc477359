namespace Idp.Dora.Events;

/// <summary>An accepted event, reduced to the facts the metrics need. (source, id) identifies it.</summary>
/// <param name="Source">CDEvents <c>context.source</c>.</param>
/// <param name="Id">CDEvents <c>context.id</c>; a deployment's id.</param>
/// <param name="Type">CDEvents <c>context.type</c> as sent.</param>
/// <param name="At">CDEvents <c>context.timestamp</c>: when it happened.</param>
/// <param name="Body">The event's JSON as received, kept so derived tables can be rebuilt.</param>
public abstract record DoraEvent(string Source, string Id, string Type, DateTimeOffset At, string Body);

/// <summary>A commit shipped by a deployment.</summary>
public sealed record Commit(string Sha, DateTimeOffset Timestamp);

/// <summary><c>service.deployed|upgraded|rolledback</c>: a deployment (rule R1: rollbacks are deployments).</summary>
public sealed record DeploymentEvent(
    string Source, string Id, string Type, DateTimeOffset At, string Body,
    string Service, string Team, string Environment, bool Succeeded, string? RollbackOf,
    IReadOnlyList<Commit> Commits, bool? ManualIntervention)
    : DoraEvent(Source, Id, Type, At, Body);

/// <summary><c>pipelinerun.queued|started|finished</c>: a run of the delivery pipeline.</summary>
public sealed record PipelineRunEvent(
    string Source, string Id, string Type, DateTimeOffset At, string Body,
    string RunId, string? Team, bool Finished, string? Outcome, bool? ManualIntervention)
    : DoraEvent(Source, Id, Type, At, Body);

/// <summary><c>incident.detected|reported|resolved</c>, keyed by the incident id (<c>subject.id</c>).</summary>
public sealed record IncidentEvent(
    string Source, string Id, string Type, DateTimeOffset At, string Body,
    string IncidentId, string Service, string Team, string Environment, bool Resolved,
    string? DeploymentId, string? RootCauseSha)
    : DoraEvent(Source, Id, Type, At, Body);
