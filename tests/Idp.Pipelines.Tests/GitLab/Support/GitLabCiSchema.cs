using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Idp.Pipelines.Tests.GitLab.Support;

/// <summary>GitLab's own JSON Schema for <c>.gitlab-ci.yml</c> (shared/schemas/gitlab-ci.json), loaded once.</summary>
internal static class GitLabCiSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(RepositoryLayout.GitLabCiSchema), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    /// <summary>The schema's complaints about <paramref name="document"/>, one line each; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(JsonNode? document)
    {
        using var json = JsonDocument.Parse(document?.ToJsonString() ?? "null");
        var result = Schema.Value.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
            return [];
        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .Distinct()
            .DefaultIfEmpty("invalid, with no detail from the validator")
            .ToList();
    }
}
