using System.Text.Json.Serialization;

namespace Idp.Dora.Metrics;

/// <summary>The response of <c>GET /api/metrics/dora</c>; field names and order are part of the API.</summary>
public sealed record DoraReport(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("deployments")] long Deployments,
    [property: JsonPropertyName("deploymentDays")] int DeploymentDays,
    [property: JsonPropertyName("deploymentFrequency")] string? DeploymentFrequency,
    [property: JsonPropertyName("leadTimeMinutes")] double? LeadTimeMinutes,
    [property: JsonPropertyName("changeFailureRate")] double? ChangeFailureRate,
    [property: JsonPropertyName("timeToRestoreHours")] double? TimeToRestoreHours);
