using System.Text.Json;

namespace Idp.Dora.Api;

/// <summary>Reads a JSON request body, turning every way it can be unreadable into a problem for the sender.</summary>
internal static class RequestBody
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    public static async Task<(JsonDocument? Document, Problem? Problem)> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return (await JsonDocument.ParseAsync(request.Body, Options, cancellationToken), null);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            return (null, new Problem("https://idp.build/problems/malformed-json", "The body is not valid JSON", 400,
                $"The body could not be parsed{where}: {e.Message.Split(" Path:")[0]} Send UTF-8 JSON: one CDEvent object or an array of them.",
                [new("$", "is not valid JSON" + where)]));
        }
        catch (BadHttpRequestException e)
        {
            return (null, new Problem("https://idp.build/problems/bad-request", "The body could not be read", e.StatusCode,
                e.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "The body is larger than this endpoint accepts. Send the events in smaller batches."
                    : e.Message));
        }
    }
}
