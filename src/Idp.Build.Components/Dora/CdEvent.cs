using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idp.Build.Components.Dora;

/// <summary>
/// A CDEvent (spec 0.5.1) as the golden path emits it. <see cref="Subject"/>'s content and <see cref="CustomData"/>
/// are serialised by their runtime types (see <see cref="ServiceContent"/>, <see cref="DeploymentData"/> …).
/// </summary>
public sealed record CdEvent(
    [property: JsonPropertyName("context")] CdEventContext Context,
    [property: JsonPropertyName("subject")] CdEventSubject Subject,
    [property: JsonPropertyName("customData")] object? CustomData)
{
    /// <summary>The JSON settings of events: camelCase, absent optional fields left out (<see cref="DoraJson"/>).</summary>
    public static JsonSerializerOptions Json => DoraJson.Default.Options;

    /// <summary>The event as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, DoraJson.Default.CdEvent);
}

/// <summary>The envelope: <c>id</c> is unique per <c>source</c>; <c>timestamp</c> is when it happened.</summary>
public sealed record CdEventContext(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("timestamp"), JsonConverter(typeof(Rfc3339Converter))] DateTimeOffset Timestamp);

/// <summary>What the event is about; <c>content</c> holds the type's fields.</summary>
public sealed record CdEventSubject(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("content")] object Content);

/// <summary>A CDEvents environment reference.</summary>
public sealed record EnvironmentRef([property: JsonPropertyName("id")] string Id);

/// <summary><c>subject.content</c> of service.deployed|upgraded|rolledback.</summary>
public sealed record ServiceContent(
    [property: JsonPropertyName("environment")] EnvironmentRef Environment,
    [property: JsonPropertyName("artifactId")] string ArtifactId);

/// <summary><c>subject.content</c> of pipelinerun.finished; <c>outcome</c> is success|failure|cancel|error.</summary>
public sealed record PipelineRunContent(
    [property: JsonPropertyName("pipelineName")] string? PipelineName,
    [property: JsonPropertyName("uri")] string? Uri,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("errors")] string? Errors);

/// <summary><c>subject.content</c> of incident.detected|resolved.</summary>
public sealed record IncidentContent(
    [property: JsonPropertyName("environment")] EnvironmentRef Environment,
    [property: JsonPropertyName("description")] string? Description);

/// <summary>A commit shipped by a deployment, with its commit time (lead time starts there).</summary>
public sealed record CommitInfo(
    [property: JsonPropertyName("sha")] string Sha,
    [property: JsonPropertyName("timestamp"), JsonConverter(typeof(Rfc3339Converter))] DateTimeOffset Timestamp);

/// <summary><c>customData</c> of a deployment or rollback.</summary>
public sealed record DeploymentData(
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("team")] string? Team,
    [property: JsonPropertyName("commits")] IReadOnlyList<CommitInfo> Commits,
    [property: JsonPropertyName("pipelineUrl")] string? PipelineUrl,
    [property: JsonPropertyName("actor")] string? Actor,
    [property: JsonPropertyName("rollbackOf")] string? RollbackOf = null,
    [property: JsonPropertyName("manualIntervention")] bool? ManualIntervention = null);

/// <summary><c>customData</c> of a failed deploy attempt.</summary>
public sealed record FailedDeployData(
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("team")] string? Team,
    [property: JsonPropertyName("environment")] string Environment,
    [property: JsonPropertyName("commits")] IReadOnlyList<CommitInfo> Commits,
    [property: JsonPropertyName("manualIntervention")] bool? ManualIntervention = null);

/// <summary><c>customData</c> of an incident; link it with <c>deploymentId</c> or <c>rootCauseSha</c>.</summary>
public sealed record IncidentData(
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("team")] string? Team,
    [property: JsonPropertyName("deploymentId")] string? DeploymentId,
    [property: JsonPropertyName("rootCauseSha")] string? RootCauseSha);
