using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Idp.Testing.GitLab;

/// <summary>GitLab accepts parameters as query string, form or JSON body alike; this reads all three into one lookup.</summary>
internal sealed class RequestParameters
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? this[string name] => _values.TryGetValue(name, out var value) ? value : null;

    public bool Has(string name) => _values.ContainsKey(name);

    public static async Task<RequestParameters> ReadAsync(HttpRequest request)
    {
        var result = new RequestParameters();
        foreach (var (key, value) in request.Query)
            result._values[key] = value.ToString();
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync().ConfigureAwait(false))
                result._values[key] = value.ToString();
        }
        else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var document = await JsonDocument.ParseAsync(request.Body).ConfigureAwait(false);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                result._values[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Null => "",
                    _ => property.Value.GetRawText(),
                };
            }
        }
        return result;
    }
}
