using Idp.Build.Components.Dora;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Idp.Build.Components.Tests.Dora;

public sealed class SenderRetries
{
    private static readonly DoraSenderOptions Fast = new(MaxRetries: 3, FirstDelay: TimeSpan.FromMilliseconds(10));

    [Fact]
    public async Task Transient_failures_are_retried_until_accepted()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync(503, 502, 202);
        using var http = new HttpClient();
        var sender = new DoraSender(http, endpoint.Address, "t0ken", Fast);

        var (outcome, _) = await sender.SendAsync(["{}"]);

        outcome.ShouldBe(SendOutcome.Delivered);
        sender.Attempts.ShouldBe(3);
        endpoint.Authorizations.ShouldAllBe(a => a == "Bearer t0ken");
    }

    [Fact]
    public async Task Retries_are_bounded_and_end_in_failure()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync(500, 500, 500, 500, 500, 500);
        using var http = new HttpClient();
        var sender = new DoraSender(http, endpoint.Address, null, Fast);

        var (outcome, detail) = await sender.SendAsync(["{}"]);

        outcome.ShouldBe(SendOutcome.Failed);
        sender.Attempts.ShouldBe(4);
        detail.ShouldContain("500");
    }

    [Theory]
    [InlineData(400, SendOutcome.Rejected)]
    [InlineData(401, SendOutcome.Failed)]
    public async Task Client_errors_are_not_retried(int status, SendOutcome expected)
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync(status, 202);
        using var http = new HttpClient();
        var sender = new DoraSender(http, endpoint.Address, null, Fast);

        (await sender.SendAsync(["{}"])).Outcome.ShouldBe(expected);
        sender.Attempts.ShouldBe(1);
    }

    /// <summary>A loopback server answering each request with the next scripted status.</summary>
    private sealed class ScriptedEndpoint : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private ScriptedEndpoint(WebApplication app, Uri address)
        {
            _app = app;
            Address = address;
        }

        public Uri Address { get; }

        public List<string> Authorizations { get; } = [];

        public static async Task<ScriptedEndpoint> StartAsync(params int[] statuses)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var queue = new Queue<int>(statuses);
            ScriptedEndpoint? self = null;
            app.MapPost("/api/events", (HttpContext context) =>
            {
                lock (queue)
                {
                    self!.Authorizations.Add(context.Request.Headers.Authorization.ToString());
                    return Results.StatusCode(queue.Count > 0 ? queue.Dequeue() : 202);
                }
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            self = new ScriptedEndpoint(app, new Uri(address));
            return self;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
