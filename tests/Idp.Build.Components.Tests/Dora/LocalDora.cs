using System.Net.Http.Json;
using System.Text.Json;
using Idp.Dora.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Idp.Build.Components.Tests.Dora;

/// <summary>The real Idp.Dora, in process on a loopback port, on its own SQLite file; can stop and start again on the same port and file.</summary>
internal sealed class LocalDora : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("idp-emitdora-").FullName;
    private WebApplication? _app;

    public Uri Address { get; private set; } = new("http://127.0.0.1:1/");

    public static async Task<LocalDora> StartAsync(int port = 0)
    {
        var dora = new LocalDora();
        await dora.StartAgainAsync(port);
        return dora;
    }

    public async Task StartAgainAsync(int port)
    {
        _app = DoraApp.Create(["--urls", $"http://127.0.0.1:{port}", "--sqlite", Path.Combine(_directory, "dora.db"), "--Logging:LogLevel:Default=Warning"]);
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task StopAsync()
    {
        if (_app is null)
            return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public async Task<JsonElement> DoraAsync(string service)
    {
        using var http = new HttpClient { BaseAddress = Address };
        return await http.GetFromJsonAsync<JsonElement>($"/api/metrics/dora?from=2024-03-04T00:00:00Z&to=2024-03-11T00:00:00Z&service={service}");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
