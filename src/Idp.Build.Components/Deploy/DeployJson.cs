using System.Text.Json.Serialization;

namespace Idp.Build.Components.Deploy;

/// <summary><c>artifacts/deploy.json</c>, written by generated code (camelCase, indented, nulls left out) rather than by reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeployOutcome))]
internal sealed partial class DeployJson : JsonSerializerContext;
