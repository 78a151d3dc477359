using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Idp.Testing.Kubernetes;

namespace Idp.Build.Components.Tests.Deploy.Kubernetes.FakeContract;

/// <summary>Plain HTTP calls to the fake, for checking it against the documented contract without KubernetesClient.</summary>
internal sealed class RawKubernetes(Uri url, string? token = FakeKubernetes.Token) : IDisposable
{
    public const string Apply = "application/apply-patch+yaml";
    public const string MergePatch = "application/merge-patch+json";
    public const string JsonPatch = "application/json-patch+json";

    private readonly HttpClient _http = Create(token);

    public Task<(int Status, JsonObject Body)> GetAsync(string pathAndQuery) => SendAsync(HttpMethod.Get, pathAndQuery);

    public Task<(int Status, JsonObject Body)> PatchAsync(string pathAndQuery, JsonNode body, string contentType = Apply) =>
        SendAsync(HttpMethod.Patch, pathAndQuery, body.ToJsonString(), contentType);

    public async Task<(int Status, JsonObject Body)> SendAsync(HttpMethod method, string pathAndQuery, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, new Uri(url, pathAndQuery));
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>Reads a watch stream to its end (the server closes it after timeoutSeconds), returning each line's event.</summary>
    public async Task<(string? ContentType, List<JsonObject> Events)> WatchAsync(string pathAndQuery, Func<JsonObject, Task>? onEvent = null)
    {
        using var response = await _http.GetAsync(new Uri(url, pathAndQuery), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var events = new List<JsonObject>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var evt = JsonNode.Parse(line)!.AsObject();
            events.Add(evt);
            if (onEvent is not null)
                await onEvent(evt);
        }
        return (response.Content.Headers.ContentType?.MediaType, events);
    }

    public void Dispose() => _http.Dispose();

    private static HttpClient Create(string? token)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
