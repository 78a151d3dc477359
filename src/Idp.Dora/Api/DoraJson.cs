using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idp.Dora.Api;

/// <summary>The JSON settings of every response: camelCase, nulls written (a null metric means "no data").</summary>
public static class DoraJson
{
    /// <summary>The shared options.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Responses are JSON, never embedded in HTML, so quotes and apostrophes in messages can stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
