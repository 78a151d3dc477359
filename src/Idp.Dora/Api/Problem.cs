using System.Text.Json.Serialization;
using Idp.Dora.Events;

namespace Idp.Dora.Api;

/// <summary>An RFC 7807 problem body; <c>errors</c> lists every invalid field with its JSON path.</summary>
public sealed record Problem(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("errors"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ValidationError>? Errors = null)
{
    /// <summary>Writes the problem as <c>application/problem+json</c>.</summary>
    public IResult ToResult() => Results.Json(this, DoraJson.Options, "application/problem+json", Status);

    /// <summary>400 with every invalid field.</summary>
    public static Problem Invalid(IReadOnlyList<ValidationError> errors, string what) => new(
        "https://idp.build/problems/invalid-request", $"The {what} has {errors.Count} invalid field{(errors.Count == 1 ? "" : "s")}", 400,
        "Nothing was stored. Fix the fields listed in 'errors' (each with its JSON path) and send the request again.", errors);
}
