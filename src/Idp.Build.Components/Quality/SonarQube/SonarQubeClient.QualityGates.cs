namespace Idp.Build.Components.Quality.SonarQube;

// GET /api/qualitygates/project_status?analysisId=: the gate computed for exactly this analysis.
public sealed partial class SonarQubeClient
{
    /// <summary>Reads the quality gate of one analysis (pinned by id, so a later analysis cannot answer for it).</summary>
    /// <param name="analysisId">The analysis id (<see cref="CeTask.AnalysisId"/> of a successful task).</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <exception cref="SonarQubeException">The server refused the request, does not know the analysis, kept failing, or answered with an unknown status.</exception>
    public async Task<QualityGateResult> GetQualityGateAsync(string analysisId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(analysisId);
        var path = "/api/qualitygates/project_status?analysisId=" + Uri.EscapeDataString(analysisId);
        var answer = await GetJsonAsync(
            path,
            SonarQubeJson.Default.GateAnswer,
            $"SonarQube has no analysis '{analysisId}': use the analysisId of this run's successful Compute Engine task, and check that --sonar-host-url ({ServerUrl}) is the server the scanner uploaded to.",
            cancellationToken).ConfigureAwait(false);
        var gate = answer.ProjectStatus ?? throw new SonarQubeException($"SonarQube at {ServerUrl} answered GET {path} without a 'projectStatus' object; check that --sonar-host-url points at SonarQube.");
        var status = gate.Status switch
        {
            "OK" => QualityGateStatus.Ok,
            "WARN" => QualityGateStatus.Warn,
            "ERROR" => QualityGateStatus.Error,
            "NONE" => QualityGateStatus.None,
            _ => throw Unknown("quality gate status", gate.Status, "OK, WARN, ERROR or NONE"),
        };
        var conditions = (gate.Conditions ?? []).Select(c => new QualityCondition(
            c.MetricKey ?? "",
            c.Comparator ?? "",
            c.ErrorThreshold ?? "",
            c.ActualValue ?? "",
            c.Status switch
            {
                "OK" => QualityStatus.Ok,
                "WARN" => QualityStatus.Warn,
                "ERROR" => QualityStatus.Error,
                _ => throw Unknown($"status of condition '{c.MetricKey}'", c.Status, "OK, WARN or ERROR"),
            })).ToArray();
        return new QualityGateResult(status, conditions);

        SonarQubeException Unknown(string what, string? value, string expected) =>
            new($"SonarQube at {ServerUrl} answered GET {path} with {what} '{value}', which this SDK does not know (expected {expected}). Check the server's version against SonarQube's Web API documentation.");
    }

    internal sealed record GateAnswer(GateBody? ProjectStatus);

    internal sealed record GateBody(string? Status, IReadOnlyList<ConditionBody>? Conditions);

    internal sealed record ConditionBody(string? Status, string? MetricKey, string? Comparator, string? ErrorThreshold, string? ActualValue);
}
