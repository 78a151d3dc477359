using Idp.Build.Components.Dora;
using Idp.Testing;
using Microsoft.AspNetCore.Http;

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

    /// <summary>A loopback server answering each POST to <c>/api/events</c> with the next scripted status (then 202).</summary>
    private sealed class ScriptedEndpoint(Queue<int> statuses) : IAsyncDisposable
    {
        private LoopbackServer _server = null!;

        public Uri Address => _server.Address;

        public List<string> Authorizations { get; } = [];

        public static async Task<ScriptedEndpoint> StartAsync(params int[] statuses)
        {
            var endpoint = new ScriptedEndpoint(new Queue<int>(statuses));
            endpoint._server = await LoopbackServer.StartAsync(endpoint.Handle);
            return endpoint;
        }

        private Task Handle(HttpContext context)
        {
            if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != "/api/events")
            {
                context.Response.StatusCode = 404;
                return Task.CompletedTask;
            }
            lock (statuses)
            {
                Authorizations.Add(context.Request.Headers.Authorization.ToString());
                context.Response.StatusCode = statuses.Count > 0 ? statuses.Dequeue() : 202;
            }
            return Task.CompletedTask;
        }

        public async ValueTask DisposeAsync() => await _server.DisposeAsync();
    }
}
