using System.Net.Http.Json;
using System.Text.Json;
using Idp.Testing.GitLab;

namespace Idp.Build.Components.Tests.GitLab;

/// <summary>Plain HTTP calls to the fake, for checking the fake against the documented contract without our client.</summary>
internal sealed class RawGitLab(Uri apiUrl, string header = "PRIVATE-TOKEN", string token = FakeGitLab.AccessToken) : IDisposable
{
    private readonly HttpClient _http = Create(header, token);

    public async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, object? json = null, IDictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, apiUrl.AbsoluteUri + path);
        if (json is not null)
            request.Content = JsonContent.Create(json);
        if (form is not null)
            request.Content = new FormUrlEncodedContent(form);
        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.StartsWith('{') || text.StartsWith('[') ? JsonDocument.Parse(text).RootElement.Clone() : JsonDocument.Parse(JsonSerializer.Serialize(text)).RootElement.Clone();
        return ((int)response.StatusCode, body, response);
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    public void Dispose() => _http.Dispose();

    private static HttpClient Create(string header, string token)
    {
        var http = new HttpClient();
        if (header == "Authorization")
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        else
            http.DefaultRequestHeaders.Add(header, token);
        return http;
    }
}
