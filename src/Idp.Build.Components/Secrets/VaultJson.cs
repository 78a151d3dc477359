using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idp.Build.Components.Secrets;

/// <summary>
/// What the client sends to Vault and reads back, (de)serialized by generated code with Vault's snake_case names;
/// a request leaves out the fields it does not set.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VaultRequest))]
[JsonSerializable(typeof(Secret<TokenInfo>))]
[JsonSerializable(typeof(Secret<AuthInfo>))]
[JsonSerializable(typeof(HealthStatus))]
internal sealed partial class VaultJson : JsonSerializerContext;

/// <summary>
/// A request body: a login (<c>role</c> and <c>jwt</c>, or <c>role_id</c> and <c>secret_id</c>) or a renewal
/// (<c>increment</c>). A class, not a record, so that no generated <c>ToString</c> ever prints a secret id or a JWT.
/// </summary>
internal sealed class VaultRequest
{
    public string? Role { get; init; }

    public string? Jwt { get; init; }

    public string? RoleId { get; init; }

    public string? SecretId { get; init; }

    public string? Increment { get; init; }
}
