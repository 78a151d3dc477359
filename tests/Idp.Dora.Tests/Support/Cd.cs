using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Idp.Dora.Tests.Support;

/// <summary>
/// CDEvents in the project's DORA profile, written the way the public cases read: <c>Cd.Deploy("d1", "12:00",
/// Cd.Commit("c1", "10:00"))</c> is a successful production deploy of c1 on 2024-03-05.
/// </summary>
public static class Cd
{
    public const string WindowFrom = "2024-03-04T00:00:00Z";
    public const string WindowTo = "2024-03-11T00:00:00Z";

    /// <summary>"10:00" or "11:59:30" on 2024-03-05 UTC; a full timestamp is kept as it is.</summary>
    public static string At(string time) => time.Length <= 8 ? $"2024-03-05T{(time.Length == 5 ? time + ":00" : time)}Z" : time;

    /// <summary>A stable 40-digit SHA for a commit's name in a case ("c1").</summary>
    public static string Sha(string name) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(name)));

    public static JsonObject Commit(string name, string time) => new() { ["sha"] = Sha(name), ["timestamp"] = At(time) };

    public static JsonObject Deploy(string id, string time, params JsonObject[] commits) =>
        Deployment("service.deployed", id, time, commits);

    public static JsonObject Deployment(string kind, string id, string time, JsonObject[] commits, string environment = "production",
        string service = "hello", string team = "alpha", string? result = null, string? rollbackOf = null, bool? manual = null)
    {
        var custom = new JsonObject
        {
            ["service"] = service,
            ["team"] = team,
            ["commits"] = new JsonArray([.. commits.Select(c => c.DeepClone())]),
            ["pipelineUrl"] = "https://ci.example/pipelines/1",
            ["actor"] = "ci",
        };
        if (result is not null)
            custom["result"] = result;
        if (rollbackOf is not null)
            custom["rollbackOf"] = rollbackOf;
        if (manual is not null)
            custom["manualIntervention"] = manual;
        return Event(kind, id, time, service, new JsonObject
        {
            ["environment"] = new JsonObject { ["id"] = environment },
            ["artifactId"] = $"pkg:oci/{service}@sha256:{Sha(id)}",
        }, custom);
    }

    public static JsonObject FailedRun(string id, string time, params JsonObject[] commits) => Event("pipelinerun.finished", id, time, id,
        new JsonObject { ["outcome"] = "failure", ["pipelineName"] = "deploy" },
        new JsonObject { ["service"] = "hello", ["team"] = "alpha", ["environment"] = "production", ["commits"] = new JsonArray([.. commits.Select(c => c.DeepClone())]) });

    public static JsonObject Run(string kind, string runId, string time, bool? manual = null, string? outcome = null)
    {
        var content = new JsonObject { ["pipelineName"] = "deploy" };
        if (outcome is not null)
            content["outcome"] = outcome;
        var custom = new JsonObject { ["service"] = "hello", ["team"] = "alpha" };
        if (manual is not null)
            custom["manualIntervention"] = manual;
        return Event(kind, $"{runId}-{kind}", time, runId, content, custom);
    }

    public static JsonObject Incident(string kind, string incidentId, string time, string service = "hello", string? deploymentId = null, string? rootCause = null)
    {
        var custom = new JsonObject { ["service"] = service, ["team"] = "alpha" };
        if (deploymentId is not null)
            custom["deploymentId"] = deploymentId;
        if (rootCause is not null)
            custom["rootCauseSha"] = Sha(rootCause);
        return Event(kind, $"{incidentId}-{kind}-{time}", time, incidentId,
            new JsonObject { ["environment"] = new JsonObject { ["id"] = "production" } }, custom);
    }

    public static JsonObject Event(string kind, string id, string time, string subjectId, JsonObject content, JsonObject custom) => new()
    {
        ["context"] = new JsonObject
        {
            ["specversion"] = "0.5.1",
            ["id"] = id,
            ["source"] = "/ci/hello",
            ["type"] = $"dev.cdevents.{kind}.0.3.0",
            ["timestamp"] = At(time),
        },
        ["subject"] = new JsonObject { ["id"] = subjectId, ["source"] = "/ci/hello", ["content"] = content },
        ["customData"] = custom,
    };
}
