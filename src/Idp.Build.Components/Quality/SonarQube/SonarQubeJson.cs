using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idp.Build.Components.Quality.SonarQube;

/// <summary>SonarQube's answers, read by generated code with the web defaults (camelCase, any case accepted).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SonarQubeClient.GateAnswer))]
[JsonSerializable(typeof(SonarQubeClient.TaskAnswer))]
internal sealed partial class SonarQubeJson : JsonSerializerContext;
