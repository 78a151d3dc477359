using System.Net;
using System.Net.Http.Json;
using HelloService;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HelloService.Tests;

public sealed class HelloApi(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Health_answers_healthy()
    {
        var response = await factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_answers_ready()
    {
        var response = await factory.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_greeting_uses_the_configured_salutation()
    {
        var client = factory.WithWebHostBuilder(b => b.UseSetting("Greeting:Salutation", "Grüezi")).CreateClient();

        var greeting = await client.GetFromJsonAsync<Greeting>("/api/greetings/Ada");

        Assert.Equal("Grüezi, Ada!", greeting!.Message);
    }

    [Fact]
    public async Task An_overlong_name_is_a_bad_request()
    {
        var response = await factory.CreateClient().GetAsync("/api/greetings/" + new string('x', Greetings.MaxNameLength + 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
