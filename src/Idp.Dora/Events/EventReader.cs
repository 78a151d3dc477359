using System.Text.Json;
using System.Text.RegularExpressions;

namespace Idp.Dora.Events;

/// <summary>
/// Validates CDEvents against the project's DORA profile (see the DORA issue) and reduces each to a
/// <see cref="DoraEvent"/>. Every problem in the whole body is reported, each with its JSON path.
/// </summary>
public sealed partial class EventReader(IReadOnlySet<string> productionEnvironments)
{
    /// <summary>The most events one request may carry.</summary>
    public const int MaxBatch = 10_000;

    private static readonly string[] Outcomes = ["success", "failure", "cancel", "error"];

    /// <summary>Reads one event (an object) or a batch (an array).</summary>
    public (IReadOnlyList<DoraEvent> Events, IReadOnlyList<ValidationError> Errors) Read(JsonElement root)
    {
        var errors = new List<ValidationError>();
        var events = new List<DoraEvent>();
        var fields = new JsonFields(errors);
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                Add(ReadEvent(root, "$", fields));
                break;
            case JsonValueKind.Array when root.GetArrayLength() == 0:
                fields.Error("$", "is an empty array; send one event or an array of events");
                break;
            case JsonValueKind.Array when root.GetArrayLength() > MaxBatch:
                fields.Error("$", $"holds {root.GetArrayLength()} events; a request takes at most {MaxBatch}, split the batch");
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in root.EnumerateArray())
                    Add(ReadEvent(item, $"$[{index++}]", fields));
                break;
            default:
                fields.Error("$", $"must be a CDEvent object or an array of them, found {JsonFields.Describe(root)}");
                break;
        }
        return (errors.Count == 0 ? events : [], errors);

        void Add(DoraEvent? e)
        {
            if (e is not null)
                events.Add(e);
        }
    }

    /// <summary>Whether <paramref name="environment"/> counts as production.</summary>
    public bool IsProduction(string environment) => productionEnvironments.Contains(environment);

    private static DoraEvent? ReadEvent(JsonElement e, string path, JsonFields fields)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            fields.Error(path, $"must be a CDEvent object, found {JsonFields.Describe(e)}");
            return null;
        }

        var before = ErrorCount(fields);
        var context = fields.Object(e, "context", path, required: true);
        var subject = fields.Object(e, "subject", path, required: true);
        var custom = fields.Object(e, "customData", path, required: false);
        string? id = null, source = null, type = null, kind = null;
        DateTimeOffset? at = null;
        if (context is { } c)
        {
            var cp = path + ".context";
            if (fields.String(c, "specversion", cp, required: true, maxLength: 32) is { } version && !EventTypes.IsSupportedSpecVersion(version))
                fields.Error(cp + ".specversion", $"'{version}' is not supported; send CDEvents 0.5.x (or 0.4.x)");
            id = fields.String(c, "id", cp, required: true);
            source = fields.String(c, "source", cp, required: true, maxLength: 1024);
            if (source is not null && !Uri.TryCreate(source, UriKind.RelativeOrAbsolute, out _))
                fields.Error(cp + ".source", $"'{source}' is not a URI reference");
            type = fields.String(c, "type", cp, required: true, maxLength: 128);
            if (type is not null && (kind = EventTypes.Kind(type)) is null)
                fields.Error(cp + ".type", $"'{type}' is not accepted; accepted are dev.cdevents.<{string.Join('|', EventTypes.Accepted)}>.0.3.0 (or 0.2.0)");
            at = fields.Time(c, "timestamp", cp, required: true);
        }

        string? subjectId = null;
        JsonElement? content = null;
        if (subject is { } s)
        {
            subjectId = fields.String(s, "id", path + ".subject", required: true);
            fields.String(s, "source", path + ".subject", required: false, maxLength: 1024);
            content = fields.Object(s, "content", path + ".subject", required: true);
        }

        if (kind is null || content is null)
            return null;
        var body = e.GetRawText();
        var contentPath = path + ".subject.content";
        var customPath = path + ".customData";
        return kind.Split('.')[0] switch
        {
            "service" => ReadDeployment(),
            "pipelinerun" => ReadPipelineRun(),
            _ => ReadIncident(),
        };

        DoraEvent? ReadDeployment()
        {
            var environment = EnvironmentId(content.Value, contentPath, fields);
            var artifact = fields.String(content.Value, "artifactId", contentPath, required: true, maxLength: 1024);
            if (artifact is not null && !artifact.StartsWith("pkg:", StringComparison.Ordinal))
                fields.Error(contentPath + ".artifactId", $"'{artifact}' is not a package URL; expected e.g. pkg:oci/hello-service@sha256:…");
            if (custom is not { } data)
            {
                fields.Error(customPath, "is required (an object with service, team and commits)");
                return null;
            }
            var service = fields.String(data, "service", customPath, required: true);
            var team = fields.String(data, "team", customPath, required: false) ?? "";
            var commits = Commits(data, customPath, fields);
            var result = fields.String(data, "result", customPath, required: false, maxLength: 32);
            var rollbackOf = fields.String(data, "rollbackOf", customPath, required: kind == "service.rolledback");
            fields.String(data, "pipelineUrl", customPath, required: false, maxLength: 1024);
            fields.String(data, "actor", customPath, required: false);
            var manual = fields.Boolean(data, "manualIntervention", customPath);
            if (ErrorCount(fields) != before)
                return null;
            return new DeploymentEvent(source!, id!, type!, at!.Value, body, service!, team, environment!,
                Succeeded: result is null || result.Equals("success", StringComparison.OrdinalIgnoreCase),
                rollbackOf, commits!, manual);
        }

        DoraEvent? ReadPipelineRun()
        {
            var finished = kind == "pipelinerun.finished";
            var outcome = fields.String(content.Value, "outcome", contentPath, required: finished, maxLength: 32);
            if (outcome is not null && !Outcomes.Contains(outcome))
                fields.Error(contentPath + ".outcome", $"'{outcome}' is not one of {string.Join(", ", Outcomes)}");
            fields.String(content.Value, "pipelineName", contentPath, required: false);
            fields.String(content.Value, "uri", contentPath, required: false, maxLength: 1024);
            string? team = null;
            bool? manual = null;
            if (custom is { } data)
            {
                fields.String(data, "service", customPath, required: false);
                team = fields.String(data, "team", customPath, required: false);
                fields.String(data, "environment", customPath, required: false);
                Commits(data, customPath, fields);
                manual = fields.Boolean(data, "manualIntervention", customPath);
            }
            if (ErrorCount(fields) != before)
                return null;
            return new PipelineRunEvent(source!, id!, type!, at!.Value, body, subjectId!, team, finished, outcome, manual);
        }

        DoraEvent? ReadIncident()
        {
            var environment = EnvironmentId(content.Value, contentPath, fields);
            if (kind == "incident.reported")
                fields.String(content.Value, "ticketURI", contentPath, required: true, maxLength: 1024);
            fields.String(content.Value, "description", contentPath, required: false, maxLength: 2048);
            if (custom is not { } data)
            {
                fields.Error(customPath, "is required (an object with service, team, and optionally deploymentId or rootCauseSha)");
                return null;
            }
            var service = fields.String(data, "service", customPath, required: true);
            var team = fields.String(data, "team", customPath, required: false) ?? "";
            var deploymentId = fields.String(data, "deploymentId", customPath, required: false);
            var rootCause = Sha(data, "rootCauseSha", customPath, fields, required: false);
            if (ErrorCount(fields) != before)
                return null;
            return new IncidentEvent(source!, id!, type!, at!.Value, body, subjectId!, service!, team, environment!,
                Resolved: kind == "incident.resolved", deploymentId, rootCause);
        }
    }

    private static string? EnvironmentId(JsonElement content, string contentPath, JsonFields fields) =>
        fields.Object(content, "environment", contentPath, required: true) is { } environment
            ? fields.String(environment, "id", contentPath + ".environment", required: true)
            : null;

    private static List<Commit>? Commits(JsonElement data, string customPath, JsonFields fields)
    {
        var path = customPath + ".commits";
        if (!data.TryGetProperty("commits", out var commits) || commits.ValueKind == JsonValueKind.Null)
            return [];
        if (commits.ValueKind != JsonValueKind.Array)
        {
            fields.Error(path, $"must be an array of {{sha, timestamp}}, found {JsonFields.Describe(commits)}");
            return null;
        }
        var list = new List<Commit>();
        var index = 0;
        foreach (var commit in commits.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (commit.ValueKind != JsonValueKind.Object)
            {
                fields.Error(itemPath, $"must be an object {{sha, timestamp}}, found {JsonFields.Describe(commit)}");
                continue;
            }
            var sha = Sha(commit, "sha", itemPath, fields, required: true);
            var at = fields.Time(commit, "timestamp", itemPath, required: true);
            if (sha is not null && at is not null)
                list.Add(new Commit(sha, at.Value));
        }
        return list;
    }

    private static string? Sha(JsonElement parent, string name, string parentPath, JsonFields fields, bool required)
    {
        var sha = fields.String(parent, name, parentPath, required, maxLength: 64);
        if (sha is null)
            return null;
        if (!ShaPattern().IsMatch(sha))
        {
            fields.Error($"{parentPath}.{name}", $"'{sha}' is not a commit SHA (7 to 64 hexadecimal digits)");
            return null;
        }
        return sha.ToLowerInvariant();
    }

    private static int ErrorCount(JsonFields fields) => fields.Count;

    [GeneratedRegex("^[0-9a-fA-F]{7,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ShaPattern();
}
