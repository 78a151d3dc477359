using System.Globalization;
using Idp.Adopt.Detection;

namespace Idp.Adopt.Templates;

/// <summary>idp.yaml: the template's descriptor with the detected values, each default marked as such.</summary>
internal static class AdoptedDescriptor
{
    private const string File = "idp.yaml";

    public static string Write(RepositoryFacts facts, string? dockerfile)
    {
        var lines = new List<string>();
        foreach (var line in TemplateFiles.Read(File).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var key = line.TrimStart().Split(':')[0];
            var indented = line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("   ", StringComparison.Ordinal);
            switch (indented ? key : null)
            {
                case "framework":
                    lines.Add($"  framework: {facts.Framework.Value}{Marked(facts.Framework)}");
                    break;
                case "project":
                    lines.Add($"  project: {facts.Projects.Web.Path}");
                    break;
                case "port":
                    lines.Add($"  port: {facts.Port.Value.ToString(CultureInfo.InvariantCulture)}{Marked(facts.Port)}");
                    break;
                case "healthPath":
                    lines.Add($"  healthPath: {facts.Health.Health.Value}{HealthNote(facts.Health)}");
                    break;
                case "readinessPath":
                    if (facts.Health.Readiness is { } readiness)
                        lines.Add($"  readinessPath: {readiness}");
                    break;
                case "coverage" when facts.Projects.Tests.Count == 0:
                    lines.Add("  coverage: 0  # no test projects yet: raise this (the golden path's default is 80) when you add tests");
                    break;
                case "failOn":
                    lines.Add(line);
                    lines.Add("  baseline: .idp/quality-baseline.json  # the findings accepted at adoption: ./build.sh SonarGate --update-quality-baseline");
                    break;
                case "repository" when dockerfile is not null:
                    lines.Add(line);
                    lines.Add($"  dockerfile: {dockerfile}  # the golden path's Dockerfile, beside the one that restores inside the image");
                    break;
                default:
                    lines.Add(line);
                    break;
            }
        }
        return string.Join('\n', lines)
            .Replace(File, "company-service", facts.ServiceName.Value)
            .Replace(File, "platform-team", facts.Team.Value);
    }

    private static string Marked<T>(Finding<T> finding) =>
        finding.IsDefault ? "  # golden-path default: not found in the repository, check it" : "";

    private static string HealthNote(HealthEndpointDetector.Result health) =>
        health.Health.IsDefault ? "  # golden-path default: no health endpoint found; add app.MapHealthChecks(\"/health\")"
        : health.IsStandIn ? "  # not a health check, but answers while the service runs; add app.MapHealthChecks(\"/health\") and point this at it"
        : "";
}
