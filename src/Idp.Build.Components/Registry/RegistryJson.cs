using System.Text.Json.Serialization;

namespace Idp.Build.Components.Registry;

/// <summary><c>artifacts/image.json</c>, written and read by generated code (camelCase, indented) rather than by reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PushResult))]
[JsonSerializable(typeof(PushResult.PushRecord))]
internal sealed partial class RegistryJson : JsonSerializerContext;
