using System.Text.Json.Serialization;

namespace Idp.Build.Components.Quality;

/// <summary>
/// The gate's files (<c>quality-gate.json</c>, GitLab's code-quality report, the quality baseline), written and read
/// by generated code rather than by reflection.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(QualityGateReports.VerdictDocument))]
[JsonSerializable(typeof(QualityBaseline.Entry[]))]
internal sealed partial class QualityJson : JsonSerializerContext;

/// <summary>GitLab's code-quality report, with the Code Climate field names GitLab reads (<c>check_name</c>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(QualityGateReports.CodeQualityIssue[]))]
internal sealed partial class CodeQualityJson : JsonSerializerContext;
