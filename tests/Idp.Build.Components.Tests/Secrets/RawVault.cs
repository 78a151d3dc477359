using System.Text;
using System.Text.Json;

namespace Idp.Build.Components.Tests.Secrets;

/// <summary>Plain HTTP calls to the fake, for checking it against the documented contract without our client.</summary>
internal sealed class RawVault(Uri address, string? token = null, string? ns = null, bool bearer = false) : IDisposable
{
    private readonly HttpClient _http = new();

    public async Task<(int Status, JsonElement Body, string Text)> SendAsync(HttpMethod method, string path, object? json = null)
    {
        using var request = new HttpRequestMessage(method, address.AbsoluteUri.TrimEnd('/') + path);
        if (token is not null && bearer)
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        else if (token is not null)
            request.Headers.Add("X-Vault-Token", token);
        if (ns is not null)
            request.Headers.Add("X-Vault-Namespace", ns);
        if (json is not null)
            request.Content = new StringContent(JsonSerializer.Serialize(json), Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, body, text);
    }

    public Task<(int Status, JsonElement Body, string Text)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public void Dispose() => _http.Dispose();
}
