using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Idp.Dora.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Idp.Dora.Tests.Support;

/// <summary>The real Idp.Dora on Kestrel, on a free 127.0.0.1 port, with a client for its API.</summary>
public sealed class DoraServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DoraServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public static async Task<DoraServer> StartAsync(DoraBackend backend, params string[] arguments)
    {
        string[] args = ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. await backend.NewStoreArgumentsAsync(), .. arguments];
        var app = DoraApp.Create(args);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DoraServer(app, new Uri(address));
    }

    public Task<HttpResponseMessage> PostAsync(JsonNode body) => PostAsync(body.ToJsonString());

    public Task<HttpResponseMessage> PostAsync(string body) =>
        Http.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>Posts events and insists they were accepted, showing the problem body when not.</summary>
    public async Task SendAsync(params JsonNode[] events)
    {
        var response = await PostAsync(new JsonArray([.. events.Select(e => e.DeepClone())]));
        ((int)response.StatusCode).ShouldBe(202, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonElement> DoraAsync(string from = Cd.WindowFrom, string to = Cd.WindowTo, string query = "")
    {
        var response = await Http.GetAsync($"/api/metrics/dora?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}{query}");
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(200, text);
        return JsonDocument.Parse(text).RootElement;
    }

    public async Task<JsonElement> PlatformAsync() =>
        (await Http.GetFromJsonAsync<JsonElement>("/api/metrics/platform"));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
