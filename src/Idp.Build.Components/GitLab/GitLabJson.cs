using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idp.Build.Components.GitLab;

/// <summary>
/// The REST API's requests and answers, (de)serialized by generated code with GitLab's snake_case names; a request
/// leaves out the fields it does not set.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GitLabClient.EnvironmentRequest))]
[JsonSerializable(typeof(GitLabClient.DeploymentRequest))]
[JsonSerializable(typeof(GitLabClient.DeploymentUpdate))]
[JsonSerializable(typeof(GitLabClient.NoteRequest))]
[JsonSerializable(typeof(GitLabClient.StatusRequest))]
[JsonSerializable(typeof(GitLabEnvironment))]
[JsonSerializable(typeof(GitLabDeployment))]
[JsonSerializable(typeof(MergeRequestNote))]
[JsonSerializable(typeof(CommitStatus))]
[JsonSerializable(typeof(List<GitLabEnvironment>))]
[JsonSerializable(typeof(List<MergeRequestNote>))]
[JsonSerializable(typeof(List<CommitStatus>))]
internal sealed partial class GitLabJson : JsonSerializerContext;
