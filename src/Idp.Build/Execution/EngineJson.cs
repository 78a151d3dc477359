using System.Text.Json.Serialization;

namespace Idp.Build.Execution;

/// <summary>
/// The engine's own files under <c>.nuke/temp/</c>, (de)serialized by generated code: no reflection over their types
/// in every run, and nothing for a trimmed or native build to lose.
/// </summary>
[JsonSerializable(typeof(AttemptLog.Attempt))]
[JsonSerializable(typeof(UpToDateStore.State))]
internal sealed partial class EngineJson : JsonSerializerContext;
