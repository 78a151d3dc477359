using System.Text.Json.Serialization;
using Idp.Dora.Storage;

namespace Idp.Dora.Metrics;

/// <summary>
/// The response of <c>GET /api/metrics/platform</c>. Rates are fractions in [0, 1]; NPS is −100…100. Each is null,
/// never 0, when its denominator is empty.
/// </summary>
public sealed record PlatformReport(
    [property: JsonPropertyName("adoptionRate")] double? AdoptionRate,
    [property: JsonPropertyName("registeredTeams")] long RegisteredTeams,
    [property: JsonPropertyName("onboardedTeams")] long OnboardedTeams,
    [property: JsonPropertyName("selfServiceSuccessRate")] double? SelfServiceSuccessRate,
    [property: JsonPropertyName("completedRuns")] long CompletedRuns,
    [property: JsonPropertyName("nps")] double? Nps,
    [property: JsonPropertyName("npsResponses")] int NpsResponses)
{
    /// <summary>Adoption = onboarded ÷ registered teams; self-service = runs without a manual step ÷ completed runs;
    /// NPS = % promoters (9–10) − % detractors (0–6).</summary>
    public static PlatformReport From(PlatformData data)
    {
        var scores = data.NpsScores;
        double? nps = scores.Count == 0
            ? null
            : 100.0 * (scores.Count(s => s >= 9) - scores.Count(s => s <= 6)) / scores.Count;
        return new PlatformReport(
            data.RegisteredTeams == 0 ? null : (double)data.OnboardedTeams / data.RegisteredTeams,
            data.RegisteredTeams,
            data.OnboardedTeams,
            data.CompletedRuns == 0 ? null : (double)data.RunsWithoutManualStep / data.CompletedRuns,
            data.CompletedRuns,
            nps,
            scores.Count);
    }
}
