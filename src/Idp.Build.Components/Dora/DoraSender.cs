using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Idp.Build.Components.Dora;

/// <summary>The answer to one delivery attempt (after retries).</summary>
public enum SendOutcome
{
    /// <summary>202: stored (or already stored: the endpoint deduplicates).</summary>
    Delivered,

    /// <summary>400: the endpoint says the events are invalid; sending again will not help.</summary>
    Rejected,

    /// <summary>Unreachable, 5xx or 401/403 after every retry; the events stay for the next run.</summary>
    Failed,
}

/// <summary>How hard the sender tries.</summary>
/// <param name="MaxRetries">Retries after the first attempt.</param>
/// <param name="FirstDelay">Wait before the first retry; doubled (with jitter) each time.</param>
/// <param name="AttemptTimeout">The longest one attempt may take.</param>
public sealed record DoraSenderOptions(int MaxRetries = 3, TimeSpan? FirstDelay = null, TimeSpan? AttemptTimeout = null);

/// <summary>
/// Posts a batch of events to Idp.Dora's <c>POST /api/events</c>, retrying what may be transient (no connection,
/// timeouts, 408, 429, 5xx) with bounded exponential backoff. It never throws for an HTTP failure.
/// </summary>
public sealed class DoraSender
{
    private readonly HttpClient _http;
    private readonly Uri _events;
    private readonly string? _token;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    /// <summary>Sends to <paramref name="endpoint"/> (Idp.Dora's base address) with an optional bearer token.</summary>
    public DoraSender(HttpClient http, Uri endpoint, string? token, DoraSenderOptions? options = null)
    {
        options ??= new DoraSenderOptions();
        _http = http;
        _events = new Uri(endpoint.ToString().TrimEnd('/') + "/api/events");
        _token = token;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.FirstDelay ?? TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => IsTransient(r.StatusCode)),
            });
        }
        _retry = builder.AddTimeout(options.AttemptTimeout ?? TimeSpan.FromSeconds(15)).Build();
    }

    /// <summary>The number of HTTP attempts made so far (for logs and tests).</summary>
    public int Attempts { get; private set; }

    /// <summary>Sends <paramref name="events"/> (JSON objects) as one array.</summary>
    public async Task<(SendOutcome Outcome, string Detail)> SendAsync(IReadOnlyList<string> events, CancellationToken cancellationToken = default)
    {
        var body = "[" + string.Join(",", events) + "]";
        try
        {
            using var response = await _retry.ExecuteAsync(async token =>
            {
                Attempts++;
                using var request = new HttpRequestMessage(HttpMethod.Post, _events) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                if (_token is not null)
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
                return await _http.SendAsync(request, token);
            }, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.Accepted or HttpStatusCode.OK => (SendOutcome.Delivered, text),
                HttpStatusCode.BadRequest => (SendOutcome.Rejected, text),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                    (SendOutcome.Failed, $"{_events} refused the token ({(int)response.StatusCode}); check --dora-token."),
                _ => (SendOutcome.Failed, $"{_events} answered {(int)response.StatusCode} after {Attempts} attempts: {Shorten(text)}"),
            };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException or TimeoutRejectedException)
        {
            return (SendOutcome.Failed, $"{_events} could not be reached after {Attempts} attempts: {e.Message}");
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
