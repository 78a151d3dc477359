using System.Net;
using System.Net.Http.Json;
using HelloService;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HelloService.Tests;

public sealed class EchoApi(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private HttpClient ClientWithSecret(string? secret) =>
        factory.WithWebHostBuilder(b => b.UseSetting(ApiKeyCheck.SecretName, secret)).CreateClient();

    [Fact]
    public async Task The_right_key_gets_the_message_back()
    {
        var client = ClientWithSecret("test-key-123");
        client.DefaultRequestHeaders.Add(ApiKeyCheck.Header, "test-key-123");

        var response = await client.PostAsJsonAsync("/api/echo", new EchoRequest("ping"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ping", (await response.Content.ReadFromJsonAsync<EchoRequest>())!.Message);
    }

    [Fact]
    public async Task A_wrong_key_is_refused()
    {
        var client = ClientWithSecret("test-key-123");
        client.DefaultRequestHeaders.Add(ApiKeyCheck.Header, "guess");

        var response = await client.PostAsJsonAsync("/api/echo", new EchoRequest("ping"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_secret_the_service_says_so()
    {
        var response = await ClientWithSecret("").PostAsJsonAsync("/api/echo", new EchoRequest("ping"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
