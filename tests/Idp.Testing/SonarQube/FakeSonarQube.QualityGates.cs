using Microsoft.AspNetCore.Http;

namespace Idp.Testing.SonarQube;

// GET /api/qualitygates/project_status: exactly one of analysisId | projectId | projectKey; branch and pullRequest
// only with projectKey. An analysis exists once its task reached SUCCESS; without a scripted gate its status is NONE.
public sealed partial class FakeSonarQube
{
    private static readonly HashSet<string> GateStatuses = ["OK", "WARN", "ERROR", "NONE"];
    private static readonly HashSet<string> ConditionStatuses = ["OK", "WARN", "ERROR"];
    private readonly Dictionary<string, string> _analyses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Status, FakeCondition[] Conditions)> _qualityGates = new(StringComparer.Ordinal);

    /// <summary>Scripts the quality gate SonarQube computed for an analysis: OK, WARN, ERROR or NONE, and its conditions.</summary>
    public void SetQualityGate(string analysisId, string status, params FakeCondition[] conditions)
    {
        if (!GateStatuses.Contains(status))
            throw new ArgumentException($"A gate status is one of {string.Join(", ", GateStatuses)}; got '{status}'.", nameof(status));
        var bad = conditions.FirstOrDefault(c => !ConditionStatuses.Contains(c.Status));
        if (bad is not null)
            throw new ArgumentException($"A condition status is one of {string.Join(", ", ConditionStatuses)}; got '{bad.Status}' for '{bad.MetricKey}'.", nameof(conditions));
        lock (_gate)
            _qualityGates[analysisId] = (status, conditions);
    }

    /// <summary>Makes an analysis exist without a Compute Engine task (as if an earlier task had succeeded).</summary>
    public void AddAnalysis(string analysisId, string projectKey)
    {
        lock (_gate)
            _analyses[analysisId] = projectKey;
    }

    private Answer ProjectStatus(IQueryCollection query)
    {
        string? Value(string name) => query[name].ToString() is { Length: > 0 } value ? value : null;
        var analysisId = Value("analysisId");
        var projectId = Value("projectId");
        var projectKey = Value("projectKey");
        if (new[] { analysisId, projectId, projectKey }.Count(v => v is not null) != 1)
            return Answer.Errors(400, "Either 'analysisId', 'projectId' or 'projectKey' must be provided");
        if ((Value("branch") is not null || Value("pullRequest") is not null) && projectKey is null)
            return Answer.Errors(400, "Parameters 'branch' and 'pullRequest' can only be used with parameter 'projectKey'");

        lock (_gate)
        {
            if (analysisId is null)
            {
                var key = projectKey ?? projectId!;
                analysisId = _analyses.LastOrDefault(a => a.Value == key).Key;
                if (analysisId is null)
                    return Answer.Errors(404, projectKey is not null ? $"Project '{projectKey}' not found" : $"Project '{projectId}' not found");
            }
            else if (!_analyses.ContainsKey(analysisId))
            {
                return Answer.Errors(404, $"Analysis with id '{analysisId}' is not found");
            }

            var (status, conditions) = _qualityGates.TryGetValue(analysisId, out var gate) ? gate : ("NONE", []);
            return Answer.JsonOf(200, new
            {
                projectStatus = new
                {
                    status,
                    ignoredConditions = false,
                    caycStatus = status == "OK" ? "compliant" : "non-compliant",
                    conditions = conditions.Select(c => new
                    {
                        status = c.Status,
                        metricKey = c.MetricKey,
                        comparator = c.Comparator,
                        errorThreshold = c.ErrorThreshold,
                        actualValue = c.ActualValue,
                    }),
                    period = new { mode = "PREVIOUS_VERSION", date = "2025-05-01T09:00:00+0200" },
                },
            });
        }
    }
}

/// <summary>One condition as SonarQube sends it: every value a string; <paramref name="ErrorThreshold"/> may be absent.</summary>
/// <param name="MetricKey">e.g. <c>new_coverage</c>.</param>
/// <param name="Comparator"><c>LT</c> or <c>GT</c>.</param>
/// <param name="ErrorThreshold">e.g. <c>"85"</c>; null to leave it out.</param>
/// <param name="ActualValue">e.g. <c>"82.5"</c>.</param>
/// <param name="Status"><c>OK</c>, <c>WARN</c> or <c>ERROR</c>.</param>
public sealed record FakeCondition(string MetricKey, string Comparator, string? ErrorThreshold, string ActualValue, string Status);
