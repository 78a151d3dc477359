using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idp.Build.Components.Dora;

/// <summary>
/// Events as Idp.Dora reads them, written by generated code. <c>subject.content</c> and <c>customData</c> are typed
/// <see cref="object"/>, so every type they hold is listed here: one missing fails the write rather than going unsent.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CdEvent))]
[JsonSerializable(typeof(ServiceContent))]
[JsonSerializable(typeof(PipelineRunContent))]
[JsonSerializable(typeof(IncidentContent))]
[JsonSerializable(typeof(DeploymentData))]
[JsonSerializable(typeof(FailedDeployData))]
[JsonSerializable(typeof(IncidentData))]
internal sealed partial class DoraJson : JsonSerializerContext;
